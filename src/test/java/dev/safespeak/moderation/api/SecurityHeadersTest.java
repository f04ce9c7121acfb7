package dev.safespeak.moderation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * What a browser is told through real Tomcat: the UI's pages and the API carry a Content-Security-Policy, a
 * Referrer-Policy and (the UI) a Permissions-Policy; the session cookie is HttpOnly and SameSite=Lax; the session
 * id never appears in a URL.
 */
class SecurityHeadersTest extends LiveApiTestSupport {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_login_page_carries_the_policies() throws Exception {
        HttpResponse<String> page = get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        HttpHeaders headers = page.headers();
        assertThat(headers.firstValue("Content-Security-Policy")).contains("default-src 'self'; script-src 'self' "
                + "'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                + "form-action 'self'; frame-ancestors 'none'");
        assertThat(headers.firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(headers.firstValue("Permissions-Policy")).hasValueSatisfying(p -> assertThat(p)
                .contains("camera=()", "microphone=()", "geolocation=()"));
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void an_api_answer_carries_a_deny_all_policy_and_no_referrer() throws Exception {
        HttpResponse<String> answer = get("/api/v1/lists/blocklist");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Security-Policy"))
                .contains("default-src 'none'; frame-ancestors 'none'");
        assertThat(answer.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void headers_of_64_kb_are_431_problem_json_not_tomcats_html_page() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/moderate"))
                .header("X-Padding", "a".repeat(64 * 1024)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(431);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"code\":\"invalid\"", "\"status\":431").doesNotContain("<html");
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_lax_and_the_session_id_stays_out_of_urls() throws Exception {
        HttpResponse<String> redirect = get("/");
        assertThat(redirect.statusCode()).isBetween(300, 399);
        String location = redirect.headers().firstValue("Location").orElse("");
        assertThat(location).endsWith("/login").doesNotContainIgnoringCase("jsessionid");
        String cookie = redirect.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");

        HttpResponse<String> login = get("/login");
        assertThat(login.body()).doesNotContainIgnoringCase("jsessionid=");
    }
}
