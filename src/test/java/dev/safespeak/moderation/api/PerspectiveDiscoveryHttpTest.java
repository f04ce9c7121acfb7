package dev.safespeak.moderation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The discovery document through the real Tomcat and security chains: both paths readable without a key or login,
 * a {@code $} in the path (raw or encoded) reaching the controller, forwarded headers honoured, and nothing else
 * opened: other methods and paths still need a login, the API still needs a key.
 */
class PerspectiveDiscoveryHttpTest extends LiveApiTestSupport {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void both_paths_serve_the_document_without_a_key_with_the_servers_own_root() throws Exception {
        for (String path : List.of("/$discovery/rest?version=v1alpha1", "/%24discovery/rest?version=v1alpha1",
                "/$discovery/rest", "/discovery/v1/apis/commentanalyzer/v1alpha1/rest")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
            assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
            JsonNode doc = json.readTree(response.body());
            assertThat(doc.path("id").asText()).as(path).isEqualTo("commentanalyzer:v1alpha1");
            assertThat(doc.path("rootUrl").asText()).as(path).isEqualTo(baseUrl() + "/");
            assertThat(doc.at("/resources/comments/methods/analyze/path").asText()).isEqualTo("v1alpha1/comments:analyze");
        }
    }

    @Test
    void behind_a_proxy_the_root_comes_from_the_forwarded_headers() throws Exception {
        HttpResponse<String> response = get("/$discovery/rest?version=v1alpha1", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "moderation.example.org", "X-Forwarded-Prefix", "/safespeak");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("rootUrl").asText())
                .isEqualTo("https://moderation.example.org/safespeak/");

        response = get("/$discovery/rest?version=v1alpha1", "Forwarded", "proto=https;host=m.example.org:8443");
        assertThat(json.readTree(response.body()).path("rootUrl").asText()).isEqualTo("https://m.example.org:8443/");
    }

    @Test
    void another_version_is_not_found_with_googles_error_object() throws Exception {
        HttpResponse<String> response = get("/$discovery/rest?version=v1");
        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = json.readTree(response.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(404);
        assertThat(error.path("status").asText()).isEqualTo("NOT_FOUND");
        assertThat(error.path("message").asText())
                .isEqualTo("no discovery document for commentanalyzer version 'v1': SafeSpeak serves only v1alpha1");
    }

    @Test
    void only_the_two_gets_are_open() throws Exception {
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/$discovery/rest?version=v1alpha1"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isIn(302, 401, 403, 405);
        assertThat(post.body()).doesNotContain("commentanalyzer");

        HttpResponse<String> other = get("/discovery/v1/apis/commentanalyzer/v1/rest");
        assertThat(other.statusCode()).isNotEqualTo(200);
        assertThat(other.body()).doesNotContain("restDescription");

        HttpResponse<String> analyze = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/v1alpha1/comments:analyze"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(analyze.statusCode()).isEqualTo(403);
        assertThat(json.readTree(analyze.body()).path("error").path("status").asText()).isEqualTo("PERMISSION_DENIED");
    }
}
