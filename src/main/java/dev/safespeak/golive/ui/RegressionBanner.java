package dev.safespeak.golive.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import dev.safespeak.base.ui.Messages;
import dev.safespeak.golive.ItemCheckOutcome;
import dev.safespeak.golive.ItemCheckRunner;
import dev.safespeak.golive.RegressionNotice;
import dev.safespeak.golive.RegressionNoticeService;
import java.util.List;
import java.util.Map;

/**
 * "2 of your items regressed": the signed-in user's items that the readiness checks set back since the user last
 * saw them, each a link that opens the item on its board, and a Dismiss button. It disappears when the user opens
 * the listed items or dismisses it; the main layout shows it above every page ({@link RegressionPageNotice}).
 */
class RegressionBanner extends Div {

    /** Fired on the UI when the user has seen an item (opened its detail), so an open banner forgets it. */
    static class ItemSeen extends ComponentEvent<UI> {
        ItemSeen(UI ui) {
            super(ui, false);
        }
    }

    private final RegressionNoticeService notices;
    private final List<ItemCheckRunner> checkRunners;
    final Span title = new Span();
    final UnorderedList list = new UnorderedList();
    final Button dismiss = new Button(Messages.get("notice.regressed.dismiss"));
    private List<RegressionNotice> shown = List.of();
    private Registration seenRegistration;

    RegressionBanner(RegressionNoticeService notices, List<ItemCheckRunner> checkRunners,
                     List<RegressionNotice> current) {
        this.notices = notices;
        this.checkRunners = checkRunners;
        setId("regression-notice");
        addClassName("regression-notice");
        getElement().setAttribute("role", "status");
        getStyle().set("margin", "var(--lumo-space-s) var(--lumo-space-m) 0")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", "var(--lumo-error-color-10pct)")
                .set("color", "var(--lumo-body-text-color)")
                .set("overflow-wrap", "anywhere");
        title.getStyle().set("font-weight", "600");
        list.getStyle().set("margin", "var(--lumo-space-xs) 0").set("padding-left", "var(--lumo-space-l)");
        dismiss.setId("regression-notice-dismiss");
        dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        dismiss.addClickListener(e -> {
            notices.markSeen(shown.stream().map(n -> n.item().id()).toList());
            show(List.of());
        });
        add(title, list, dismiss);
        show(current);
    }

    private void show(List<RegressionNotice> current) {
        shown = current;
        list.removeAll();
        title.setText(Messages.get("notice.regressed.title", current.size()));
        for (RegressionNotice n : current) {
            RouterLink link = new RouterLink(n.item().text(), ReleaseBoardView.class,
                    new RouteParameters("releaseId", String.valueOf(n.item().releaseId())));
            link.setQueryParameters(QueryParameters.simple(Map.of("item", String.valueOf(n.item().id()))));
            link.setId("regression-notice-item-" + n.item().id());
            list.add(new ListItem(link, new Span(" " + Messages.get("notice.regressed.where", n.releaseName(),
                    checkState(n)))));
        }
        setVisible(!current.isEmpty());
    }

    /** "check load-test failing", "check load-test passes again", or what the checks recorded. */
    private String checkState(RegressionNotice n) {
        List<ItemCheckOutcome> runs = checkRunners.stream().flatMap(r -> r.latestRuns(n.item()).stream()).toList();
        List<String> failing = runs.stream().filter(r -> !r.passed()).map(ItemCheckOutcome::checkName).toList();
        if (!failing.isEmpty()) {
            return Messages.get("notice.regressed.failing", String.join(", ", failing), failing.size());
        }
        if (!runs.isEmpty()) {
            return Messages.get("notice.regressed.passing-again", runs.size());
        }
        return n.reason();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        seenRegistration = ComponentUtil.addListener(attachEvent.getUI(), ItemSeen.class,
                e -> show(notices.unseen()));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (seenRegistration != null) {
            seenRegistration.remove();
            seenRegistration = null;
        }
        super.onDetach(detachEvent);
    }
}
