package dev.safespeak.apikey.ui;

import dev.safespeak.base.ui.Messages;
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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
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
@Menu(title = "API keys", order = 90)
@RolesAllowed(Roles.ADMIN)
class ApiKeysView extends VerticalLayout implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return Messages.get("page.title", Messages.get("title.api-keys"));
    }

    private final ApiKeyService keys;
    final TextField name = new TextField(Messages.get("keys.name"));
    final TextField tenant = new TextField(Messages.get("keys.tenant"));
    final IntegerField rate = new IntegerField(Messages.get("keys.rate"));
    final IntegerField daily = new IntegerField(Messages.get("keys.daily"));
    /** What the key may do; lists:write changes the scores of every key of the tenant, so it is not preselected. */
    final CheckboxGroup<ApiKeyScope> scopes = new CheckboxGroup<>(Messages.get("keys.scopes"));
    final Button create = new Button(Messages.get("keys.create"));
    final Grid<ApiKeyInfo> grid = new Grid<>();
    Dialog secretDialog;
    Button copy;

    ApiKeysView(ApiKeyService keys) {
        this.keys = keys;
        add(new H2(Messages.get("keys.title")));
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

        grid.addColumn(ApiKeyInfo::prefix).setHeader(Messages.get("keys.prefix"));
        grid.addColumn(ApiKeyInfo::name).setHeader(Messages.get("keys.name"));
        grid.addColumn(ApiKeyInfo::tenant).setHeader(Messages.get("keys.tenant"));
        grid.addColumn(ApiKeyInfo::ratePerSecond).setHeader(Messages.get("keys.rate-short"));
        grid.addColumn(ApiKeyInfo::dailyTexts).setHeader(Messages.get("keys.daily-short"));
        grid.addColumn(k -> ApiKeyScope.format(k.scopes()).replace(" ", ", ")).setHeader(Messages.get("keys.scopes"));
        grid.addColumn(k -> Messages.get("keys.created-by", k.createdBy(), Messages.dateTime(k.createdAt())))
                .setHeader(Messages.get("keys.created"));
        grid.addColumn(k -> k.revoked() ? Messages.get("keys.revoked-at", Messages.dateTime(k.revokedAt()))
                : Messages.get("keys.active")).setHeader(Messages.get("keys.state"));
        grid.addComponentColumn(k -> {
            Button revoke = new Button(Messages.get("keys.revoke"), e -> confirmRevoke(k));
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
            secretDialog.setHeaderTitle(Messages.get("keys.created-title"));
            TextField secret = new TextField(Messages.get("keys.secret"));
            secret.setId("key-secret");
            secret.setValue(key.secret());
            secret.setReadOnly(true);
            secret.setWidth("40em");
            secret.getStyle().set("max-width", "100%");
            // Read-only fields look disabled in Lumo; the secret is the one thing to take away: full contrast.
            secret.getStyle().set("--vaadin-input-field-value-color", "var(--lumo-body-text-color)");
            copy = new Button(Messages.get("keys.copy"), e -> {
                copy.getUI().ifPresent(ui -> ui.getPage().executeJs(
                        "navigator.clipboard && navigator.clipboard.writeText($0)", key.secret()));
                copy.setText(Messages.get("keys.copied"));
            });
            copy.setId("key-secret-copy");
            secretDialog.add(new Paragraph(Messages.get("keys.secret-once")), secret, copy);
            secretDialog.getFooter().add(new Button(Messages.get("keys.done"), e -> secretDialog.close()));
            secretDialog.open();
        } catch (IllegalArgumentException | BusinessException ex) {
            Notification.show(ex.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void confirmRevoke(ApiKeyInfo key) {
        ConfirmDialog dialog = new ConfirmDialog(Messages.get("keys.revoke-title", key.prefix()),
                Messages.get("keys.revoke-text"), Messages.get("keys.revoke"), e -> revoke(key));
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
