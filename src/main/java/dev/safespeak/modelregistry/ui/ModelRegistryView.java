package dev.safespeak.modelregistry.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.safespeak.base.BusinessException;
import dev.safespeak.modelregistry.ModelKind;
import dev.safespeak.modelregistry.ModelRegistryService;
import dev.safespeak.modelregistry.ModelState;
import dev.safespeak.modelregistry.ModelVersionInfo;
import dev.safespeak.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** The admin view of the model registry: versions with checksum and evaluation, activate, roll back, verify. */
@Route("models")
@PageTitle("Model registry")
@Menu(title = "Model registry", order = 80)
@RolesAllowed(Roles.ADMIN)
class ModelRegistryView extends VerticalLayout {

    /** Kinds as a person reads them. */
    private static final java.util.Map<ModelKind, String> KINDS = java.util.Map.of(ModelKind.NGRAM, "Fast model",
            ModelKind.ENCODER_HEADS, "Encoder heads", ModelKind.BYO, "Your own model");

    private final ModelRegistryService registry;
    private final Grid<ModelVersionInfo> grid = new Grid<>(ModelVersionInfo.class, false);
    private final Paragraph status = new Paragraph();

    ModelRegistryView(ModelRegistryService registry) {
        this.registry = registry;
        setSizeFull();
        grid.setId("model-versions");
        grid.addColumn(ModelVersionInfo::version).setHeader("Version").setAutoWidth(true);
        grid.addColumn(v -> KINDS.get(v.kind())).setKey("kind").setHeader("Kind").setAutoWidth(true);
        grid.addColumn(ModelVersionInfo::state).setHeader("State").setAutoWidth(true);
        grid.addColumn(v -> v.sha256().substring(0, 12) + "…").setHeader("SHA-256").setAutoWidth(true);
        grid.addColumn(ModelVersionInfo::evaluationSummary).setHeader("Evaluation").setFlexGrow(1);
        grid.addColumn(ModelVersionInfo::registeredAt).setHeader("Registered").setAutoWidth(true);
        grid.addColumn(ModelVersionInfo::activatedAt).setHeader("Activated").setAutoWidth(true);
        grid.addComponentColumn(v -> {
            Button activate = new Button("Activate", e -> act(() -> registry.activate(v.version()),
                    "Model " + v.version() + " is active"));
            activate.setEnabled(v.state() != ModelState.ACTIVE);
            activate.setId("activate-" + v.version());
            return activate;
        }).setHeader("").setAutoWidth(true);

        Button rollback = new Button("Roll back to previous", e -> act(registry::rollback, "Rolled back"));
        rollback.setId("rollback");
        rollback.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button rollbackHeads = new Button("Roll back encoder heads",
                e -> act(() -> registry.rollback(ModelKind.ENCODER_HEADS), "Encoder heads rolled back"));
        rollbackHeads.setId("rollback-encoder-heads");
        Button rollbackByo = new Button("Roll back your own model",
                e -> act(() -> registry.rollback(ModelKind.BYO), "Your own model rolled back"));
        rollbackByo.setId("rollback-byo");
        Button verify = new Button("Verify checksums", e -> {
            List<String> problems = registry.verifyChecksums();
            status.setText(problems.isEmpty() ? "Every artifact matches its checksum." : String.join("; ", problems));
        });
        verify.setId("verify");
        status.setId("registry-status");
        add(new H2("Model registry"), new HorizontalLayout(rollback, rollbackHeads, rollbackByo, verify), status, grid);
        refresh();
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
