package dev.safespeak.apikey.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.safespeak.apikey.ApiKeyInfo;
import dev.safespeak.apikey.ApiKeyScope;
import dev.safespeak.apikey.ApiKeyService;
import dev.safespeak.apikey.NewApiKey;
import dev.safespeak.base.BusinessException;
import dev.safespeak.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/** Where administrators create and revoke API keys; a new key's secret is shown once in a dialog. */
@Route("api-keys")
@PageTitle("API keys | SafeSpeak")
@Menu(title = "API keys", order = 90)
@RolesAllowed(Roles.ADMIN)
class ApiKeysView extends VerticalLayout {

    private final ApiKeyService keys;
    final TextField name = new TextField("Name");
    final TextField tenant = new TextField("Tenant");
    final IntegerField rate = new IntegerField("Requests per second");
    final IntegerField daily = new IntegerField("Texts per day");
    /** What the key may do; lists:write changes the scores of every key of the tenant, so it is not preselected. */
    final CheckboxGroup<ApiKeyScope> scopes = new CheckboxGroup<>("Scopes");
    final Button create = new Button("Create key");
    final Grid<ApiKeyInfo> grid = new Grid<>();
    Dialog secretDialog;
    Button copy;

    ApiKeysView(ApiKeyService keys) {
        this.keys = keys;
        add(new H2("API keys"));
        name.setId("key-name");
        tenant.setValue("default");
        rate.setValue(50);
        rate.setMin(1);
        daily.setValue(100_000);
        daily.setMin(1);
        scopes.setItems(ApiKeyScope.values());
        scopes.setItemLabelGenerator(ApiKeyScope::code);
        scopes.setValue(ApiKeyScope.DEFAULT);
        create.setId("key-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> createKey());
        add(new HorizontalLayout(name, tenant, rate, daily, scopes, create));

        grid.addColumn(ApiKeyInfo::prefix).setHeader("Prefix");
        grid.addColumn(ApiKeyInfo::name).setHeader("Name");
        grid.addColumn(ApiKeyInfo::tenant).setHeader("Tenant");
        grid.addColumn(ApiKeyInfo::ratePerSecond).setHeader("Requests/s");
        grid.addColumn(ApiKeyInfo::dailyTexts).setHeader("Texts/day");
        grid.addColumn(k -> ApiKeyScope.format(k.scopes()).replace(' ', ',')).setHeader("Scopes");
        grid.addColumn(k -> k.createdBy() + ", " + k.createdAt()).setHeader("Created");
        grid.addColumn(k -> k.revoked() ? "revoked " + k.revokedAt() : "active").setHeader("State");
        grid.addComponentColumn(k -> {
            Button revoke = new Button("Revoke", e -> confirmRevoke(k));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            revoke.setEnabled(!k.revoked());
            return revoke;
        }).setHeader("");
        add(grid);
        refresh();
    }

    void createKey() {
        try {
            NewApiKey key = keys.create(name.getValue(), tenant.getValue(), rate.getValue(),
                    daily.getValue() == null ? null : daily.getValue().longValue(), scopes.getValue());
            name.clear();
            refresh();
            secretDialog = new Dialog();
            secretDialog.setHeaderTitle("API key created");
            TextField secret = new TextField("Secret");
            secret.setId("key-secret");
            secret.setValue(key.secret());
            secret.setReadOnly(true);
            secret.setWidth("40em");
            secret.getStyle().set("max-width", "100%");
            // Read-only fields look disabled in Lumo; the secret is the one thing to take away: full contrast.
            secret.getStyle().set("--vaadin-input-field-value-color", "var(--lumo-body-text-color)");
            copy = new Button("Copy", e -> {
                copy.getUI().ifPresent(ui -> ui.getPage().executeJs(
                        "navigator.clipboard && navigator.clipboard.writeText($0)", key.secret()));
                copy.setText("Copied");
            });
            copy.setId("key-secret-copy");
            secretDialog.add(new Paragraph("Copy the secret now. It is shown this once; SafeSpeak keeps only its "
                    + "SHA-256 and cannot show it again."), secret, copy);
            secretDialog.getFooter().add(new Button("Done", e -> secretDialog.close()));
            secretDialog.open();
        } catch (IllegalArgumentException | BusinessException ex) {
            Notification.show(ex.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void confirmRevoke(ApiKeyInfo key) {
        ConfirmDialog dialog = new ConfirmDialog("Revoke " + key.prefix() + "...?", "Requests with this key "
                + "fail from now on. This cannot be undone.", "Revoke", e -> revoke(key));
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    void revoke(ApiKeyInfo key) {
        try {
            keys.revoke(key.id());
            refresh();
        } catch (IllegalArgumentException | BusinessException ex) {
            Notification.show(ex.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void refresh() {
        grid.setItems(keys.list());
    }
}
