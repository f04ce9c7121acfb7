package dev.safespeak.modelregistry.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.safespeak.base.BusinessException;
import dev.safespeak.base.ui.Messages;
import dev.safespeak.modelregistry.EvaluationTables;
import dev.safespeak.modelregistry.ModelKind;
import dev.safespeak.modelregistry.ModelRegistryService;
import dev.safespeak.modelregistry.ModelState;
import dev.safespeak.modelregistry.ModelVersionInfo;
import dev.safespeak.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/** The admin view of the model registry: versions with checksum and evaluation, activate, roll back, verify. */
@Route("models")
@Menu(title = "Model registry", order = 80)
@RolesAllowed(Roles.ADMIN)
class ModelRegistryView extends VerticalLayout implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return Messages.get("page.title", Messages.get("title.models"));
    }

    private final ModelRegistryService registry;
    private final Grid<ModelVersionInfo> grid = new Grid<>(ModelVersionInfo.class, false);
    private final Paragraph status = new Paragraph();
    Dialog evaluationDialog;

    ModelRegistryView(ModelRegistryService registry) {
        this.registry = registry;
        setSizeFull();
        grid.setId("model-versions");
        grid.addColumn(ModelVersionInfo::version).setHeader(Messages.get("registry.version")).setAutoWidth(true);
        grid.addColumn(v -> Messages.label(v.kind())).setKey("kind").setHeader(Messages.get("registry.kind"))
                .setAutoWidth(true);
        grid.addColumn(v -> Messages.label(v.state())).setKey("state").setHeader(Messages.get("registry.state"))
                .setAutoWidth(true);
        grid.addColumn(v -> v.sha256().substring(0, 12) + "…").setHeader(Messages.get("registry.sha256"))
                .setAutoWidth(true);
        // Auto width: with flex grow alone the button's label ("Show 4 tables") was cut off at 1440 px.
        grid.addComponentColumn(this::evaluationCell).setKey("evaluation")
                .setHeader(Messages.get("registry.evaluation")).setAutoWidth(true);
        grid.addComponentColumn(this::provenanceCell).setKey("provenance")
                .setHeader(Messages.get("registry.provenance")).setAutoWidth(true);
        grid.addColumn(v -> Messages.dateTime(v.registeredAt())).setHeader(Messages.get("registry.registered"))
                .setAutoWidth(true);
        grid.addColumn(v -> Messages.dateTime(v.activatedAt())).setHeader(Messages.get("registry.activated"))
                .setAutoWidth(true);
        grid.addComponentColumn(v -> {
            Button activate = new Button(Messages.get("registry.activate"), e -> act(() -> registry.activate(v.version()),
                    Messages.get("registry.activated-one", v.version())));
            activate.setEnabled(v.state() != ModelState.ACTIVE);
            activate.setId("activate-" + v.version());
            return activate;
        }).setKey("actions").setHeader("").setAutoWidth(true).setFrozenToEnd(true); // visible when the grid scrolls

        Button rollback = new Button(Messages.get("registry.rollback"), e -> act(registry::rollback,
                Messages.get("registry.rolled-back")));
        rollback.setId("rollback");
        Button rollbackHeads = new Button(Messages.get("registry.rollback-heads"),
                e -> act(() -> registry.rollback(ModelKind.ENCODER_HEADS), Messages.get("registry.rolled-back-heads")));
        rollbackHeads.setId("rollback-encoder-heads");
        Button rollbackByo = new Button(Messages.get("registry.rollback-byo"),
                e -> act(() -> registry.rollback(ModelKind.BYO), Messages.get("registry.rolled-back-byo")));
        rollbackByo.setId("rollback-byo");
        Button verify = new Button(Messages.get("registry.verify"), e -> {
            List<String> problems = registry.verifyChecksums();
            status.setText(problems.isEmpty() ? Messages.get("registry.verified") : String.join("; ", problems));
        });
        verify.setId("verify");
        status.setId("registry-status");
        HorizontalLayout actions = new HorizontalLayout(rollback, rollbackHeads, rollbackByo, verify);
        actions.setWrap(true);
        add(new H2(Messages.get("registry.title")), actions, status, grid);
        refresh();
    }

    /** A button that opens the evaluation as tables, or a dash when the artifact carries none. */
    private com.vaadin.flow.component.Component evaluationCell(ModelVersionInfo version) {
        EvaluationTables tables = EvaluationTables.parse(version.evaluationSummary());
        if (tables.isEmpty()) {
            return new Span(Messages.get("registry.evaluation.none"));
        }
        Button show = new Button(Messages.get("registry.evaluation.show", tables.tables().size()),
                e -> openEvaluation(version, tables));
        show.setId("evaluation-" + version.version());
        show.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return show;
    }

    /** A button that shows the version's provenance (the artifact's manifest), or a dash when it has none. */
    private com.vaadin.flow.component.Component provenanceCell(ModelVersionInfo version) {
        if (version.provenance() == null || version.provenance().isBlank()) {
            return new Span("–");
        }
        Button show = new Button(Messages.get("registry.provenance.show"), e -> openProvenance(version));
        show.setId("provenance-" + version.version());
        show.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return show;
    }

    Dialog provenanceDialog;

    /** The manifest as indented JSON, or as stored when it is not JSON. */
    void openProvenance(ModelVersionInfo version) {
        String text;
        try {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            text = json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(version.provenance()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            text = version.provenance();
        }
        com.vaadin.flow.component.html.Pre body = new com.vaadin.flow.component.html.Pre(text);
        body.setId("provenance-text");
        body.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere")
                .set("font-size", "var(--lumo-font-size-xs)");
        provenanceDialog = openDialog("provenance-dialog", Messages.get("registry.provenance.title", version.version()),
                body);
    }

    void openEvaluation(ModelVersionInfo version, EvaluationTables tables) {
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        for (EvaluationTables.Table table : tables.tables()) {
            body.add(new H4(sectionLabel(table.key())), tableGrid(table));
        }
        evaluationDialog = openDialog("evaluation-dialog",
                Messages.get("registry.evaluation.title", version.version()), body);
    }

    /** Opens a dialog of the page's width with a title, a body and a Close button. */
    private static Dialog openDialog(String id, String title, com.vaadin.flow.component.Component body) {
        Dialog dialog = new Dialog();
        dialog.setId(id);
        dialog.setHeaderTitle(title);
        dialog.add(body);
        dialog.setWidth("min(56rem, 100vw)");
        dialog.getFooter().add(new Button(Messages.get("registry.evaluation.close"), e -> dialog.close()));
        dialog.open();
        return dialog;
    }

    private static Grid<EvaluationTables.Row> tableGrid(EvaluationTables.Table table) {
        Grid<EvaluationTables.Row> grid = new Grid<>();
        grid.setId("evaluation-" + (table.key().isEmpty() ? "summary" : table.key()));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(EvaluationTables.Row::name).setKey("name").setHeader(Messages.get("registry.evaluation.name"))
                .setAutoWidth(true);
        for (int i = 0; i < table.columns().size(); i++) {
            int column = i;
            String key = table.columns().get(i);
            grid.addColumn(row -> number(row.values().get(column))).setKey(key).setHeader(metricLabel(key))
                    .setAutoWidth(true);
        }
        grid.setItems(table.rows());
        return grid;
    }

    static String sectionLabel(String key) {
        return key.isEmpty() ? Messages.get("registry.evaluation.summary")
                : Messages.find("registry.section." + key).orElseGet(() -> humanise(key));
    }

    static String metricLabel(String key) {
        return Messages.find("registry.metric." + key).orElseGet(() -> humanise(key));
    }

    /** "devSpanF1" -> "Dev span f1": a key we have no words for still reads as words. */
    static String humanise(String key) {
        String words = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String number(Object value) {
        if (value instanceof Number n) {
            NumberFormat format = NumberFormat.getNumberInstance(Messages.locale());
            format.setMaximumFractionDigits(4);
            return format.format(n);
        }
        return value == null ? "" : value.toString();
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notification.show(done);
            status.setText(done);
        } catch (BusinessException | IllegalArgumentException e) {
            Notification.show(e.getMessage());
            status.setText(e.getMessage());
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(registry.versions());
    }
}
