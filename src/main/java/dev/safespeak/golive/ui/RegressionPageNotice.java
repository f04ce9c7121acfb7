package dev.safespeak.golive.ui;

import com.vaadin.flow.component.Component;
import dev.safespeak.base.ui.PageNotice;
import dev.safespeak.golive.ItemCheckRunner;
import dev.safespeak.golive.RegressionNotice;
import dev.safespeak.golive.RegressionNoticeService;
import java.util.List;
import java.util.Optional;

/** Puts a {@link RegressionBanner} above the next page of a user whose items regressed since they last looked. */
@org.springframework.stereotype.Component
class RegressionPageNotice implements PageNotice {

    private final RegressionNoticeService notices;
    private final List<ItemCheckRunner> checkRunners;

    RegressionPageNotice(RegressionNoticeService notices, List<ItemCheckRunner> checkRunners) {
        this.notices = notices;
        this.checkRunners = checkRunners;
    }

    @Override
    public Optional<Component> current() {
        List<RegressionNotice> unseen = notices.unseen();
        return unseen.isEmpty() ? Optional.empty() : Optional.of(new RegressionBanner(notices, checkRunners, unseen));
    }
}
