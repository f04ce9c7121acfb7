package dev.safespeak.apikey.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.component.textfield.TextField;
import dev.safespeak.apikey.ApiKeyInfo;
import dev.safespeak.apikey.ApiKeyScope;
import dev.safespeak.base.KaribuTest;
import dev.safespeak.security.Role;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiKeysViewTest extends KaribuTest {

    /** Karibu's route discovery skips package-private views, so the view under test is registered here. */
    @BeforeEach
    void registerRoute() {
        RouteConfiguration routes = RouteConfiguration.forApplicationScope();
        if (!routes.isRouteRegistered(ApiKeysView.class)) {
            routes.setAnnotatedRoute(ApiKeysView.class);
        }
    }

    @Test
    void an_admin_creates_a_key_and_sees_its_secret_once() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate(ApiKeysView.class);
        ApiKeysView view = _get(ApiKeysView.class);
        _setValue(view.name, "mobile app");
        _click(view.create);
        TextField secret = _get(TextField.class, spec -> spec.withId("key-secret"));
        assertThat(secret.getValue()).startsWith("ssk_");
        ApiKeyInfo listed = view.grid.getGenericDataView().getItems()
                .filter(k -> k.name().equals("mobile app")).findFirst().orElseThrow();
        assertThat(secret.getValue()).startsWith(listed.prefix());
        view.copy.click(); // not _click: its round trip would already have sent the JavaScript to the (mock) browser
        assertThat(view.copy.getText()).isEqualTo("Copied");
        assertThat(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations())
                .anySatisfy(js -> {
                    assertThat(js.getInvocation().getExpression()).contains("navigator.clipboard.writeText");
                    assertThat(js.getInvocation().getParameters()).contains(secret.getValue());
                });
        view.secretDialog.close();
        assertThat(_find(TextField.class, spec -> spec.withId("key-secret"))).isEmpty();
    }

    @Test
    void a_new_key_gets_score_and_feedback_unless_the_admin_picks_other_scopes() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate(ApiKeysView.class);
        ApiKeysView view = _get(ApiKeysView.class);
        assertThat(view.scopes.getValue()).isEqualTo(ApiKeyScope.DEFAULT);
        _setValue(view.name, "list admin");
        _setValue(view.scopes, Set.of(ApiKeyScope.SCORE, ApiKeyScope.LISTS_WRITE));
        _click(view.create);
        view.secretDialog.close();
        assertThat(view.grid.getGenericDataView().getItems().filter(k -> k.name().equals("list admin"))
                .findFirst().orElseThrow().scopes()).isEqualTo(Set.of(ApiKeyScope.SCORE, ApiKeyScope.LISTS_WRITE));
    }

    @Test
    void a_key_without_scopes_is_refused_with_a_message() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate(ApiKeysView.class);
        ApiKeysView view = _get(ApiKeysView.class);
        _setValue(view.name, "no scopes");
        _setValue(view.scopes, Set.of());
        _click(view.create);
        NotificationsKt.expectNotifications("a key needs at least one scope");
        assertThat(view.grid.getGenericDataView().getItems().filter(k -> k.name().equals("no scopes"))).isEmpty();
    }

    @Test
    void an_admin_revokes_a_key() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate(ApiKeysView.class);
        ApiKeysView view = _get(ApiKeysView.class);
        _setValue(view.name, "to revoke");
        _click(view.create);
        ApiKeyInfo key = view.grid.getGenericDataView().getItems()
                .filter(k -> k.name().equals("to revoke")).findFirst().orElseThrow();
        view.revoke(key);
        assertThat(view.grid.getGenericDataView().getItems().filter(k -> k.id() == key.id()).findFirst()
                .orElseThrow().revoked()).isTrue();
    }

    @Test
    void a_non_admin_cannot_open_the_keys_view() {
        login("qa", Role.QA_LEAD);
        try {
            UI.getCurrent().navigate(ApiKeysView.class);
        } catch (RuntimeException expected) {
            // access denied may surface as an exception or as a rerouted error view
        }
        assertThat(_find(ApiKeysView.class)).isEmpty();
    }
}
