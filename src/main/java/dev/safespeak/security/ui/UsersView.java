package dev.safespeak.security.ui;

import dev.safespeak.base.ui.Messages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.safespeak.base.BusinessException;
import dev.safespeak.security.Role;
import dev.safespeak.security.Roles;
import dev.safespeak.security.UserService;
import dev.safespeak.security.UserSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** User administration: create users, change their roles, enable or disable them and reset passwords. */
@Route("users")
@Menu(title = "Users", order = 90)
@RolesAllowed(Roles.ADMIN)
class UsersView extends VerticalLayout implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return Messages.get("page.title", Messages.get("title.users"));
    }

    private final UserService users;
    private final Grid<UserSummary> grid = new Grid<>();

    UsersView(UserService users) {
        this.users = users;
        setSizeFull();
        Button create = new Button(Messages.get("users.new"), e -> openCreateDialog());
        create.setId("new-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new HorizontalLayout(new H2(Messages.get("users.title")), create));

        grid.setId("users");
        grid.addColumn(UserSummary::username).setHeader(Messages.get("users.username")).setKey("username").setAutoWidth(true);
        grid.addColumn(UserSummary::displayName).setHeader(Messages.get("users.name")).setKey("displayName").setAutoWidth(true);
        grid.addColumn(u -> roleNames(u.roles())).setHeader(Messages.get("users.roles")).setKey("roles").setFlexGrow(1);
        grid.addColumn(u -> u.enabled() ? Messages.get("users.enabled") : Messages.get("users.disabled"))
                .setHeader(Messages.get("users.status")).setKey("status");
        grid.addComponentColumn(this::actions).setHeader(Messages.get("users.actions")).setKey("actions").setAutoWidth(true);
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    private HorizontalLayout actions(UserSummary user) {
        Button roles = new Button(Messages.get("users.roles"), e -> openRolesDialog(user));
        roles.setId("roles-" + user.username());
        Button toggle = new Button(user.enabled() ? Messages.get("users.disable") : Messages.get("users.enable"),
                e -> attempt(() -> users.setEnabled(user.username(), !user.enabled()), user.enabled()
                        ? Messages.get("users.was-disabled", user.username())
                        : Messages.get("users.was-enabled", user.username())));
        toggle.setId("toggle-" + user.username());
        Button reset = new Button(Messages.get("users.reset"), e -> openPasswordDialog(user));
        reset.setId("reset-" + user.username());
        for (Button b : new Button[] {roles, toggle, reset}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        return new HorizontalLayout(roles, toggle, reset);
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(Messages.get("users.new"));
        TextField username = new TextField(Messages.get("users.username"));
        username.setId("new-username");
        username.setHelperText(Messages.get("users.username-help"));
        TextField displayName = new TextField(Messages.get("users.name"));
        displayName.setId("new-display-name");
        PasswordField password = new PasswordField(Messages.get("users.password"));
        password.setId("new-password");
        CheckboxGroup<Role> roles = roleChooser(EnumSet.noneOf(Role.class));
        roles.setId("new-roles");
        dialog.add(new FormLayout(username, displayName, password, roles));
        Button save = new Button(Messages.get("users.create"), e -> {
            if (attempt(() -> users.create(username.getValue(), displayName.getValue(), password.getValue(),
                    roles.getValue()), Messages.get("users.created", username.getValue().strip()))) {
                dialog.close();
            }
        });
        save.setId("create-user");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(Messages.get("users.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void openRolesDialog(UserSummary user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(Messages.get("users.roles-of", user.username()));
        CheckboxGroup<Role> roles = roleChooser(user.roles());
        roles.setId("edit-roles");
        dialog.add(roles);
        Button save = new Button(Messages.get("users.save"), e -> {
            if (attempt(() -> users.changeRoles(user.username(), roles.getValue()),
                    Messages.get("users.roles-saved", user.username()))) {
                dialog.close();
            }
        });
        save.setId("save-roles");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(Messages.get("users.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void openPasswordDialog(UserSummary user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(Messages.get("users.new-password-for", user.username()));
        PasswordField password = new PasswordField(Messages.get("users.new-password"));
        password.setId("reset-password");
        dialog.add(password);
        Button save = new Button(Messages.get("users.set-password"), e -> {
            if (attempt(() -> users.resetPassword(user.username(), password.getValue()),
                    Messages.get("users.password-reset", user.username()))) {
                dialog.close();
            }
        });
        save.setId("save-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(Messages.get("users.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private static CheckboxGroup<Role> roleChooser(Set<Role> selected) {
        CheckboxGroup<Role> roles = new CheckboxGroup<>(Messages.get("users.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(Role::displayName);
        roles.setValue(selected);
        return roles;
    }

    /** Runs a service call; a refusal or invalid input is shown as a notification and keeps the dialog open. */
    private boolean attempt(Runnable action, String success) {
        try {
            action.run();
        } catch (BusinessException | IllegalArgumentException e) {
            Notification n = Notification.show(e.getMessage(), 5000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        }
        Notification.show(success, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
        return true;
    }

    private void refresh() {
        grid.setItems(users.findAll());
    }

    private static String roleNames(Set<Role> roles) {
        return roles.stream().sorted().map(Role::displayName).collect(Collectors.joining(", "));
    }
}
