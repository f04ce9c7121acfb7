package dev.safespeak.moderation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safespeak.moderation.Attribute;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The Perspective discovery document without Spring: the shape Google's clients build {@code comments.analyze} and
 * {@code comments.suggestscore} from, every {@code $ref} resolvable, every field of SafeSpeak's request and response
 * records described, the fields SafeSpeak ignores said so, and the rootUrl from configuration or the request.
 */
class PerspectiveDiscoveryDocumentTest {

    private final ObjectMapper json = new ObjectMapper();

    private PerspectiveDiscoveryController controller(String publicBaseUrl) {
        return new PerspectiveDiscoveryController(json, new ApiProperties(3145728, publicBaseUrl));
    }

    private JsonNode document() {
        return controller("").document("https://moderation.example.org/");
    }

    @Test
    void the_document_names_the_api_and_points_every_url_at_the_root() {
        JsonNode doc = document();
        assertThat(doc.path("kind").asText()).isEqualTo("discovery#restDescription");
        assertThat(doc.path("discoveryVersion").asText()).isEqualTo("v1");
        assertThat(doc.path("id").asText()).isEqualTo("commentanalyzer:v1alpha1");
        assertThat(doc.path("name").asText()).isEqualTo("commentanalyzer");
        assertThat(doc.path("version").asText()).isEqualTo("v1alpha1");
        assertThat(doc.path("protocol").asText()).isEqualTo("rest");
        assertThat(doc.path("rootUrl").asText()).isEqualTo("https://moderation.example.org/");
        assertThat(doc.path("servicePath").asText()).isEmpty();
        assertThat(doc.path("baseUrl").asText()).isEqualTo("https://moderation.example.org/");
        assertThat(doc.path("batchPath").asText()).isEqualTo("v1alpha1/batch");
        assertThat(doc.path("documentationLink").asText()).isEqualTo("https://moderation.example.org/swagger-ui.html");
    }

    @Test
    void the_key_is_a_query_parameter_of_every_method() {
        JsonNode key = document().path("parameters").path("key");
        assertThat(key.path("location").asText()).isEqualTo("query");
        assertThat(key.path("type").asText()).isEqualTo("string");
    }

    @Test
    void analyze_and_suggestscore_are_posts_to_safespeaks_paths_with_their_schemas() {
        JsonNode methods = document().path("resources").path("comments").path("methods");
        assertThat(names(methods)).containsExactly("analyze", "suggestscore");
        assertMethod(methods.path("analyze"), "commentanalyzer.comments.analyze", "v1alpha1/comments:analyze",
                "AnalyzeCommentRequest", "AnalyzeCommentResponse");
        assertMethod(methods.path("suggestscore"), "commentanalyzer.comments.suggestscore",
                "v1alpha1/comments:suggestscore", "SuggestCommentScoreRequest", "SuggestCommentScoreResponse");
    }

    private static void assertMethod(JsonNode method, String id, String path, String request, String response) {
        assertThat(method.path("id").asText()).isEqualTo(id);
        assertThat(method.path("httpMethod").asText()).isEqualTo("POST");
        assertThat(method.path("path").asText()).isEqualTo(path);
        assertThat(method.path("flatPath").asText()).isEqualTo(path);
        assertThat(method.path("parameters").isObject()).isTrue();
        assertThat(method.path("parameterOrder").isArray()).isTrue();
        assertThat(method.path("request").path("$ref").asText()).isEqualTo(request);
        assertThat(method.path("response").path("$ref").asText()).isEqualTo(response);
    }

    @Test
    void the_method_paths_are_the_ones_the_controller_serves() throws Exception {
        for (String name : List.of("analyze", "suggestScore")) {
            var method = Arrays.stream(PerspectiveController.class.getDeclaredMethods())
                    .filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
            String served = method.getAnnotation(org.springframework.web.bind.annotation.PostMapping.class).path()[0];
            String described = document().path("resources").path("comments").path("methods")
                    .path(name.toLowerCase()).path("path").asText();
            assertThat("/" + described).isEqualTo(served);
        }
    }

    @Test
    void every_ref_names_a_schema_and_every_property_is_described() {
        JsonNode doc = document();
        JsonNode schemas = doc.path("schemas");
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(schemas.has(ref)).as(ref).isTrue());
        schemas.fields().forEachRemaining(schema -> {
            assertThat(schema.getValue().path("id").asText()).isEqualTo(schema.getKey());
            assertThat(schema.getValue().path("type").asText()).isEqualTo("object");
            schema.getValue().path("properties").fields().forEachRemaining(p -> assertThat(
                    p.getValue().path("description").asText()).as(schema.getKey() + "." + p.getKey()).isNotBlank());
        });
    }

    @Test
    void every_field_safespeak_reads_or_writes_is_in_the_schema() {
        assertFieldsDescribed(PerspectiveController.AnalyzeCommentRequest.class, "AnalyzeCommentRequest");
        assertFieldsDescribed(PerspectiveController.TextEntry.class, "TextEntry");
        assertFieldsDescribed(PerspectiveController.AttributeParameters.class, "AttributeParameters");
        assertFieldsDescribed(PerspectiveController.AnalyzeCommentResponse.class, "AnalyzeCommentResponse");
        assertFieldsDescribed(PerspectiveController.AttributeScores.class, "AttributeScores");
        assertFieldsDescribed(PerspectiveController.SpanScore.class, "SpanScore");
        assertFieldsDescribed(PerspectiveController.Score.class, "Score");
        assertFieldsDescribed(PerspectiveController.SuggestCommentScoreRequest.class, "SuggestCommentScoreRequest");
        assertFieldsDescribed(PerspectiveController.SuggestCommentScoreResponse.class, "SuggestCommentScoreResponse");
    }

    private void assertFieldsDescribed(Class<? extends Record> type, String schema) {
        JsonNode properties = document().path("schemas").path(schema).path("properties");
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode property = properties.path(component.getName());
            assertThat(property.isObject()).as(schema + "." + component.getName()).isTrue();
            assertThat(property.path("description").asText()).as(schema + "." + component.getName())
                    .doesNotContain("Ignored by SafeSpeak").doesNotContain("Never filled by SafeSpeak");
        }
    }

    @Test
    void the_fields_safespeak_ignores_or_never_fills_say_so_and_are_exactly_these() {
        Set<String> said = new TreeSet<>();
        document().path("schemas").fields().forEachRemaining(schema -> schema.getValue().path("properties").fields()
                .forEachRemaining(p -> {
                    String description = p.getValue().path("description").asText().toLowerCase();
                    if (description.contains("ignored by safespeak") || description.contains("never filled by safespeak")) {
                        said.add(schema.getKey() + "." + p.getKey());
                    }
                }));
        assertThat(said).containsExactly(
                "AnalyzeCommentRequest.communityId", "AnalyzeCommentRequest.context", "AnalyzeCommentRequest.sessionId",
                "ArticleAndParentComment.article", "ArticleAndParentComment.parentComment",
                "AttributeScores.spanScores", "Context.articleAndParentComment", "Context.entries",
                "SuggestCommentScoreRequest.context", "SuggestCommentScoreRequest.sessionId",
                "SuggestCommentScoreResponse.detectedLanguages", "SuggestCommentScoreResponse.requestedLanguages");
        assertThat(document().path("parameters").path("alt").path("description").asText())
                .startsWith("Ignored by SafeSpeak");
    }

    @Test
    void the_requested_attributes_are_safespeaks_attributes() {
        String description = document().path("schemas").path("AnalyzeCommentRequest").path("properties")
                .path("requestedAttributes").path("description").asText();
        for (Attribute attribute : Attribute.values()) {
            assertThat(description).contains(attribute.name());
        }
    }

    @Test
    void the_configured_public_base_url_is_the_root_whatever_the_request_says() {
        MockHttpServletRequest request = request();
        request.addHeader("X-Forwarded-Host", "elsewhere.example.com");
        var response = controller("https://moderation.example.org/safespeak").discovery("v1alpha1", request);
        JsonNode doc = (JsonNode) response.getBody();
        assertThat(doc.path("rootUrl").asText()).isEqualTo("https://moderation.example.org/safespeak/");
        assertThat(doc.path("baseUrl").asText()).isEqualTo("https://moderation.example.org/safespeak/");
        assertThat(response.getHeaders().getCacheControl()).isEqualTo("max-age=3600");
    }

    @Test
    void without_configuration_the_root_is_the_requests_own_base_url_and_not_cached() {
        var response = controller("").discovery(null, request());
        assertThat(((JsonNode) response.getBody()).path("rootUrl").asText()).isEqualTo("http://10.0.0.5:8080/");
        assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-store");
    }

    @Test
    void x_forwarded_proto_host_port_and_prefix_are_honoured() {
        MockHttpServletRequest request = request();
        request.addHeader("X-Forwarded-Proto", "https");
        request.addHeader("X-Forwarded-Host", "moderation.example.org");
        request.addHeader("X-Forwarded-Port", "8443");
        request.addHeader("X-Forwarded-Prefix", "/safespeak/");
        assertThat(PerspectiveDiscoveryController.requestBaseUrl(request))
                .isEqualTo("https://moderation.example.org:8443/safespeak/");
    }

    @Test
    void x_forwarded_proto_alone_drops_the_internal_port() {
        MockHttpServletRequest request = request();
        request.addHeader("X-Forwarded-Proto", "https");
        request.addHeader("X-Forwarded-Host", "moderation.example.org");
        assertThat(PerspectiveDiscoveryController.requestBaseUrl(request)).isEqualTo("https://moderation.example.org/");
    }

    @Test
    void the_rfc_7239_forwarded_header_is_honoured() {
        MockHttpServletRequest request = request();
        request.addHeader("Forwarded", "for=192.0.2.60;proto=https;host=moderation.example.org");
        assertThat(PerspectiveDiscoveryController.requestBaseUrl(request)).isEqualTo("https://moderation.example.org/");
    }

    @Test
    void the_context_path_is_kept() {
        MockHttpServletRequest request = request();
        request.setContextPath("/app");
        request.setRequestURI("/app/$discovery/rest");
        assertThat(PerspectiveDiscoveryController.requestBaseUrl(request)).isEqualTo("http://10.0.0.5:8080/app/");
    }

    @Test
    void a_forwarded_prefix_without_a_leading_slash_is_refused_with_googles_error() {
        MockHttpServletRequest request = request();
        request.addHeader("X-Forwarded-Prefix", "safespeak");
        var response = controller("").discovery("v1alpha1", request);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).isEqualTo(Map.of("error", Map.of("code", 400, "status", "INVALID_ARGUMENT",
                "message", "the Forwarded or X-Forwarded-* headers of this request do not form a valid URL: "
                        + "X-Forwarded-Prefix must start with '/', not 'safespeak'")));
    }

    @Test
    void another_version_is_not_found_with_googles_error() {
        var response = controller("").discovery("v1", request());
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody()).isEqualTo(Map.of("error", Map.of("code", 404, "status", "NOT_FOUND",
                "message", "no discovery document for commentanalyzer version 'v1': SafeSpeak serves only v1alpha1")));
    }

    @Test
    void the_public_base_url_must_be_an_absolute_http_url_and_gets_a_trailing_slash() {
        assertThat(new ApiProperties(3145728, "https://m.example.org").publicBaseUrl()).isEqualTo("https://m.example.org/");
        assertThat(new ApiProperties(3145728, " ").publicBaseUrl()).isEmpty();
        for (String bad : List.of("moderation.example.org", "ftp://m.example.org/", "https://m.example.org/?a=1",
                "http://[bad")) {
            assertThatThrownBy(() -> new ApiProperties(3145728, bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("safespeak.api.public-base-url (SAFESPEAK_PUBLIC_BASE_URL) must be an absolute http "
                            + "or https URL without query or fragment, such as https://moderation.example.org/, not '"
                            + bad + "'");
        }
    }

    private static MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/$discovery/rest");
        request.setScheme("http");
        request.setServerName("10.0.0.5");
        request.setServerPort(8080);
        request.setQueryString("version=v1alpha1");
        return request;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            if (node.has("$ref")) {
                refs.add(node.get("$ref").asText());
            }
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collectRefs(it.next(), refs);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
