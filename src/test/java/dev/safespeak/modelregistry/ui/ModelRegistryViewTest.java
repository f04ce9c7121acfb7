package dev.safespeak.modelregistry.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouteConfiguration;
import dev.safespeak.base.KaribuTest;
import dev.safespeak.modelregistry.ModelKind;
import dev.safespeak.modelregistry.ModelVersionInfo;
import dev.safespeak.security.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelRegistryViewTest extends KaribuTest {

    /** Karibu's route discovery skips package-private views, so the view under test is registered here. */
    @BeforeEach
    void registerRoute() {
        RouteConfiguration routes = RouteConfiguration.forApplicationScope();
        if (!routes.isRouteRegistered(ModelRegistryView.class)) {
            routes.setAnnotatedRoute(ModelRegistryView.class);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_registry_lists_the_fast_model_and_the_encoder_heads_each_with_its_kind() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate(ModelRegistryView.class);
        Grid<ModelVersionInfo> grid = _get(Grid.class, spec -> spec.withId("model-versions"));

        List<String> kinds = new ArrayList<>();
        List<ModelKind> itemKinds = new ArrayList<>();
        for (int row = 0; row < GridKt._size(grid); row++) {
            kinds.add(GridKt._getFormatted(grid, row, "kind"));
            itemKinds.add(GridKt._get(grid, row).kind());
        }
        assertThat(itemKinds).contains(ModelKind.NGRAM, ModelKind.ENCODER_HEADS);
        assertThat(kinds).contains("Fast model", "Encoder heads");
    }

    @Test
    void rolling_back_encoder_heads_without_a_previous_version_says_so() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate(ModelRegistryView.class);
        _click(_get(Button.class, spec -> spec.withId("rollback-encoder-heads")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("registry-status")).getText())
                .endsWith(" has no previous version to roll back to");
    }

    @Test
    void rolling_back_your_own_model_when_none_is_active_says_so() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate(ModelRegistryView.class);
        _click(_get(Button.class, spec -> spec.withId("rollback-byo")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("registry-status")).getText())
                .isEqualTo("no bring-your-own model is active, so there is nothing to roll back");
    }
}
