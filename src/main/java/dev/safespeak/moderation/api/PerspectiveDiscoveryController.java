package dev.safespeak.moderation.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.ForwardedHeaderUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Serves the discovery document of the Perspective drop-in ({@code commentanalyzer v1alpha1}), from which Google's
 * clients ({@code google.discoverAPI} in Node, {@code discovery.build} in Python) build {@code comments.analyze} and
 * {@code comments.suggestscore}. Readable without a key. Its {@code rootUrl} is {@code safespeak.api.public-base-url}
 * when set, otherwise the request's own base URL as seen through Forwarded / X-Forwarded-* headers (see
 * docs/decisions/053-perspective-discovery-document.md).
 */
@RestController
@Tag(name = "Perspective compatible")
class PerspectiveDiscoveryController {

    static final String DISCOVERY_PATH = "/$discovery/rest";
    static final String DIRECTORY_PATH = "/discovery/v1/apis/commentanalyzer/v1alpha1/rest";
    static final String VERSION = "v1alpha1";
    static final String TEMPLATE = "commentanalyzer-v1alpha1.json";

    private final ObjectNode template;
    private final String configuredBaseUrl;

    PerspectiveDiscoveryController(ObjectMapper json, ApiProperties properties) {
        this.template = load(json);
        this.configuredBaseUrl = properties.publicBaseUrl();
    }

    @Operation(summary = "Perspective discovery document",
            description = "The discovery document of commentanalyzer v1alpha1 as SafeSpeak implements it, for "
                    + "google.discoverAPI('<base>/$discovery/rest?version=v1alpha1'). No key needed.")
    @SecurityRequirements
    @GetMapping(path = {DISCOVERY_PATH, DIRECTORY_PATH}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> discovery(@RequestParam(name = "version", required = false) String version,
            HttpServletRequest request) {
        if (version != null && !version.equals(VERSION)) {
            return googleError(HttpStatus.NOT_FOUND, "NOT_FOUND", "no discovery document for commentanalyzer "
                    + "version '" + version + "': SafeSpeak serves only " + VERSION);
        }
        String rootUrl;
        if (!configuredBaseUrl.isEmpty()) {
            rootUrl = configuredBaseUrl;
        } else {
            try {
                rootUrl = requestBaseUrl(request);
            } catch (IllegalArgumentException e) {
                return googleError(HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT", "the Forwarded or X-Forwarded-* "
                        + "headers of this request do not form a valid URL: " + e.getMessage());
            }
        }
        // A document built from request headers must not be cached for other clients: a forged X-Forwarded-Host
        // would send their keys elsewhere.
        CacheControl cache = configuredBaseUrl.isEmpty() ? CacheControl.noStore()
                : CacheControl.maxAge(Duration.ofHours(1));
        return ResponseEntity.ok().cacheControl(cache).contentType(MediaType.APPLICATION_JSON)
                .body(document(rootUrl));
    }

    /** The document with its URLs pointing at {@code rootUrl} (which ends with a slash). */
    ObjectNode document(String rootUrl) {
        ObjectNode document = template.deepCopy();
        String servicePath = document.path("servicePath").asText("");
        document.put("rootUrl", rootUrl);
        document.put("baseUrl", rootUrl + servicePath);
        document.put("documentationLink", rootUrl + "swagger-ui.html");
        return document;
    }

    /**
     * The base URL (ending with a slash) at which the client reached this server: the request's scheme, host and
     * port, adapted by the RFC 7239 {@code Forwarded} or the {@code X-Forwarded-Proto/Host/Port/Ssl} headers, then
     * {@code X-Forwarded-Prefix} and the context path. With {@code server.forward-headers-strategy=framework} or
     * {@code native} the request arrives already adapted and without those headers, so nothing is applied twice.
     *
     * @throws IllegalArgumentException when the forwarded headers do not form a valid URL
     */
    static String requestBaseUrl(HttpServletRequest request) {
        URI requestUri = URI.create(request.getRequestURL().toString());
        UriComponentsBuilder builder = ForwardedHeaderUtils.adaptFromForwardedHeaders(requestUri,
                new ServletServerHttpRequest(request).getHeaders());
        String path = prefix(request.getHeader("X-Forwarded-Prefix")) + request.getContextPath() + "/";
        return builder.replacePath(path).replaceQuery(null).fragment(null).build().toUriString();
    }

    private static String prefix(String header) {
        if (header == null || header.isBlank()) {
            return "";
        }
        String prefix = header.split(",")[0].strip();
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        if (!prefix.isEmpty() && !prefix.startsWith("/")) {
            throw new IllegalArgumentException("X-Forwarded-Prefix must start with '/', not '" + header + "'");
        }
        return prefix;
    }

    private static ResponseEntity<Object> googleError(HttpStatus status, String googleStatus, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", Map.of("code", status.value(), "message", message, "status", googleStatus)));
    }

    private static ObjectNode load(ObjectMapper json) {
        try (InputStream in = PerspectiveDiscoveryController.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("the discovery document " + TEMPLATE + " is missing from the classpath");
            }
            return (ObjectNode) json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the discovery document " + TEMPLATE, e);
        }
    }
}
