package dev.safespeak.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.safespeak.base.KaribuTest;
import dev.safespeak.security.PasswordConfirmation;
import dev.safespeak.security.Role;
import dev.safespeak.security.UserService;
import dev.safespeak.security.UserSummary;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UsersViewTest extends KaribuTest {

    @Autowired
    UserService users;

    @Autowired
    PasswordConfirmation passwords;

    @SuppressWarnings("unchecked")
    private Grid<UserSummary> grid() {
        return _get(Grid.class, spec -> spec.withId("users"));
    }

    private int rowOf(String username) {
        List<UserSummary> rows = GridKt._findAll(grid());
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).username().equals(username)) {
                return i;
            }
        }
        throw new AssertionError(username + " is not in the grid");
    }

    @Test
    void an_admin_sees_the_users_with_their_roles() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate(UsersView.class);

        int row = rowOf("admin");
        assertThat(GridKt._getFormatted(grid(), row, "roles")).isEqualTo("Administrator");
        assertThat(GridKt._getFormatted(grid(), row, "status")).isEqualTo("enabled");
    }

    @Test
    void an_admin_creates_a_user_in_the_dialog() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate(UsersView.class);

        _click(_get(Button.class, spec -> spec.withId("new-user")));
        _setValue(_get(TextField.class, spec -> spec.withId("new-username")), "karibu-qa");
        _setValue(_get(TextField.class, spec -> spec.withId("new-display-name")), "Kari Bu");
        _setValue(_get(PasswordField.class, spec -> spec.withId("new-password")), "karibu-password");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = _get(CheckboxGroup.class, spec -> spec.withId("new-roles"));
        _setValue(roles, EnumSet.of(Role.QA_LEAD));
        _click(_get(Button.class, spec -> spec.withId("create-user")));

        NotificationsKt.expectNotifications("User karibu-qa created");
        assertThat(GridKt._getFormatted(grid(), rowOf("karibu-qa"), "roles")).isEqualTo("QA/Test Engineering Lead");
        assertThat(passwords.matches("karibu-qa", "karibu-password")).isTrue();
        _assertNone(Button.class, spec -> spec.withId("create-user"));
    }

    @Test
    void an_invalid_new_user_keeps_the_dialog_open_with_the_reason() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate(UsersView.class);

        _click(_get(Button.class, spec -> spec.withId("new-user")));
        _setValue(_get(TextField.class, spec -> spec.withId("new-username")), "karibu-short");
        _setValue(_get(PasswordField.class, spec -> spec.withId("new-password")), "short");
        _click(_get(Button.class, spec -> spec.withId("create-user")));

        NotificationsKt.expectNotifications("password has 5 characters, at least 8 are required");
        _get(Button.class, spec -> spec.withId("create-user"));
    }

    @Test
    void an_admin_changes_roles_in_the_dialog() {
        login("admin", Role.ADMIN);
        users.create("karibu-roles", null, "karibu-password", EnumSet.of(Role.VIEWER));
        UI.getCurrent().navigate(UsersView.class);

        _click((Button) _get(GridKt._getCellComponent(grid(), rowOf("karibu-roles"), "actions"), Button.class,
                spec -> spec.withId("roles-karibu-roles")));
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = _get(CheckboxGroup.class, spec -> spec.withId("edit-roles"));
        _setValue(roles, EnumSet.of(Role.CTO, Role.VIEWER));
        _click(_get(Button.class, spec -> spec.withId("save-roles")));

        assertThat(users.find("karibu-roles").orElseThrow().roles()).containsExactlyInAnyOrder(Role.CTO, Role.VIEWER);
    }

    @Test
    void an_admin_disables_a_user_from_the_grid() {
        login("admin", Role.ADMIN);
        users.create("karibu-off", null, "karibu-password", EnumSet.of(Role.VIEWER));
        UI.getCurrent().navigate(UsersView.class);

        _click((Button) _get(GridKt._getCellComponent(grid(), rowOf("karibu-off"), "actions"), Button.class,
                spec -> spec.withId("toggle-karibu-off")));

        assertThat(GridKt._getFormatted(grid(), rowOf("karibu-off"), "status")).isEqualTo("disabled");
        assertThat(passwords.matches("karibu-off", "karibu-password")).isFalse();
    }

    @Test
    void refusals_of_the_service_are_shown_as_notifications() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate(UsersView.class);

        _click((Button) _get(GridKt._getCellComponent(grid(), rowOf("admin"), "actions"), Button.class,
                spec -> spec.withId("toggle-admin")));

        NotificationsKt.expectNotifications("You cannot disable yourself");
    }

    @Test
    void a_viewer_cannot_open_the_user_administration() {
        login("viewer", Role.VIEWER);
        assertThatThrownBy(() -> UI.getCurrent().navigate("users"))
                .isInstanceOf(MockAccessDeniedException.class);
        _assertNone(UsersView.class);
    }
}
