package dev.safespeak.moderation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An API path that does not exist answers 404 problem+json through real Tomcat, never the UI's HTML page with
 * 200: a client that checks only the status would otherwise take an unscored text as passed.
 */
class UnknownApiPathsTest extends LiveApiTestSupport {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private String secret;

    @BeforeEach
    void key() {
        secret = createKey("unknown-paths", 100, 10_000).secret();
    }

    @ParameterizedTest
    @CsvSource({"POST, /api/v1/moderate/", "POST, /v1/moderations/", "POST, /api/v2/x", "GET, /api/v2/x",
            "GET, /api/v1/moderate/x", "POST, /api/", "GET, /v1/anything", "PUT, /api/v1/lists/blocklist/x/y",
            "POST, /v1alpha1/comments:nothing"})
    void an_unknown_api_path_is_404_problem_json(String method, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + secret).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{\"text\": \"hi\"}"));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(method + " " + path).isEqualTo(404);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        assertThat(contentType).startsWith(path.startsWith("/v1alpha1/") ? "application/json"
                : "application/problem+json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("code").asText()).isEqualTo("not_found");
        assertThat(body.path("detail").asText()).isEqualTo("there is no endpoint " + method + " " + path);
        assertThat(response.body()).doesNotContain("<html", "<!doctype");
    }

    @ParameterizedTest
    @CsvSource({"GET, /api/v1/moderate", "DELETE, /v1/moderations"})
    void a_known_path_with_the_wrong_method_stays_405(String method, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + secret).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @CsvSource({"POST, /api/v2/x", "POST, /v1/moderations/"})
    void an_unknown_api_path_without_a_key_is_401_not_the_login_page(String method, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @CsvSource({"/v1alpha1/comments:analyze, multipart/form-data, 415", "/v1/moderations, multipart/form-data, 415",
            "/api/v1/moderate, multipart/form-data, 415", "/v1alpha1/batch, multipart/mixed, 400"})
    void a_multipart_body_tomcat_cannot_split_is_a_client_error_not_a_500(String path, String type, int status)
            throws Exception {
        // Real Tomcat: without a boundary the container fails to read the parts before any endpoint runs.
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + secret).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("detail").asText()).isEqualTo(status == 400 ? PerspectiveController.NO_BATCH
                : "content type '" + type + "' is not supported: send application/json");
    }

    @org.junit.jupiter.api.Test
    void a_body_without_a_content_type_is_read_as_json() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/v1alpha1/comments:analyze?key=" + secret))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"comment\": {\"text\": \"you idiot\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).at("/attributeScores/TOXICITY/summaryScore/value").asDouble())
                .isEqualTo(0.9);
    }
}
