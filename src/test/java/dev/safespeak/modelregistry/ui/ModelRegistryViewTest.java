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
import dev.safespeak.modelregistry.EvaluationTables;
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
        assertThat(grid.getColumnByKey("actions").isFrozenToEnd())
                .as("the Activate buttons stay in view when the wide grid scrolls").isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_provenance_of_a_model_is_its_manifest_as_indented_json() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate(ModelRegistryView.class);
        Grid<ModelVersionInfo> grid = _get(Grid.class, spec -> spec.withId("model-versions"));
        int fastRow = fastModelRow(grid);
        String version = GridKt._get(grid, fastRow).version();
        Button show = (Button) GridKt._getCellComponent(grid, fastRow, "provenance");
        assertThat(show.getText()).isEqualTo("Show manifest");
        _click(show);
        com.vaadin.flow.component.dialog.Dialog dialog = _get(com.vaadin.flow.component.dialog.Dialog.class,
                spec -> spec.withId("provenance-dialog"));
        assertThat(dialog.getHeaderTitle()).isEqualTo("Provenance of " + version);
        String text = _get(com.vaadin.flow.component.html.Pre.class, spec -> spec.withId("provenance-text")).getText();
        assertThat(text).contains("\"seed\"", "\"dataChecksumsSha256\"").contains("\n  \"");
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

    @Test
    @SuppressWarnings("unchecked")
    void the_evaluation_of_a_model_is_a_small_table_not_json() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate(ModelRegistryView.class);
        Grid<ModelVersionInfo> grid = _get(Grid.class, spec -> spec.withId("model-versions"));
        int fastRow = fastModelRow(grid);
        String version = GridKt._get(grid, fastRow).version();
        Button show = (Button) GridKt._getCellComponent(grid, fastRow, "evaluation");
        assertThat(show.getText()).matches("Show \\d+ tables?");
        _click(show);

        Grid<EvaluationTables.Row> table = _get(Grid.class, spec -> spec.withId("evaluation-testByAttribute"));
        assertThat(table.getColumnByKey("macroF1").getHeaderText()).isEqualTo("Macro F1");
        assertThat(table.getColumnByKey("rocAuc").getHeaderText()).isEqualTo("ROC AUC");
        List<String> names = new ArrayList<>();
        for (int row = 0; row < GridKt._size(table); row++) {
            names.add(GridKt._getFormatted(table, row, "name"));
            assertThat(GridKt._getFormatted(table, row, "macroF1")).matches("0\\.\\d{1,4}");
        }
        assertThat(names).contains("TOXICITY", "INSULT");
        assertThat(_get(com.vaadin.flow.component.dialog.Dialog.class, spec -> spec.withId("evaluation-dialog"))
                .getHeaderTitle()).isEqualTo("Evaluation of " + version);
    }

    @Test
    void a_metric_without_words_in_the_bundle_still_reads_as_words() {
        assertThat(ModelRegistryView.metricLabel("macroF1")).isEqualTo("Macro F1");
        assertThat(ModelRegistryView.metricLabel("meanAbsoluteError")).isEqualTo("Mean absolute error");
        assertThat(ModelRegistryView.sectionLabel("")).isEqualTo("Summary");
    }

    /** The row of the fast model in the registry's grid; fails when there is none. */
    private static int fastModelRow(Grid<ModelVersionInfo> grid) {
        for (int row = 0; row < GridKt._size(grid); row++) {
            if (GridKt._get(grid, row).kind() == ModelKind.NGRAM) {
                return row;
            }
        }
        throw new AssertionError("the registry lists no fast model");
    }
}
