package dev.safespeak.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Sessions on the real Tomcat: visitors who drop their cookie and load the login page again and again leave at most
 * the configured number of sessions, each with the short idle timeout, while a signed-in user's session keeps the
 * normal timeout and survives the flood.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "safespeak.security.admin-password=" + AnonymousSessionsOnTomcatTest.PASSWORD,
        "safespeak.security.max-anonymous-sessions=5", "vaadin.launch-browser=false"})
@ActiveProfiles("test")
class AnonymousSessionsOnTomcatTest {

    static final String PASSWORD = "the-admins-password";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    ServletWebServerApplicationContext context;
    @Autowired
    AnonymousSessionLimit limit;

    private Manager sessions() {
        return ((org.apache.catalina.Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost()
                .findChildren()[0]).getManager();
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_flood_of_login_page_visits_keeps_at_most_the_bound_and_a_signed_in_session_survives_it()
            throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient user = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = get(user, "/login");
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("the login page's CSRF token: " + page.body()).isTrue();
        String form = "username=admin&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signIn = user.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String userSession = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow().getValue();

        HttpClient visitors = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (int i = 0; i < 30; i++) {
            assertThat(get(visitors, "/login").statusCode()).isEqualTo(200);
        }

        assertThat(limit.anonymousSessions()).isEqualTo(5);
        assertThat(sessions().getActiveSessions()).as("sessions Tomcat holds").isLessThanOrEqualTo(6);
        for (Session session : sessions().findSessions()) {
            int expected = session.getIdInternal().equals(userSession) ? 1800 : 360;
            assertThat(session.getMaxInactiveInterval()).as(session.getIdInternal()).isEqualTo(expected);
        }
        Session signedIn = sessions().findSession(userSession);
        assertThat(signedIn).as("the signed-in session after the flood").isNotNull();
        assertThat(signedIn.isValid()).isTrue();
        HttpResponse<String> home = get(user, "/");
        assertThat(home.statusCode()).as("the signed-in user's next page").isEqualTo(200);
    }
}
