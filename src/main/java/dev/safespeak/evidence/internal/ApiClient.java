package dev.safespeak.evidence.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Calls the moderation API over real HTTP, as a client would: this instance on 127.0.0.1 by default, or the
 * configured base URL. The probe, the readiness checks and the demo traffic all go through it, so what they
 * measure includes the security chain, key checks, rate limits and serialisation.
 */
@Component
public class ApiClient {

    /** An HTTP answer: status, a header lookup, body and the wall time it took in milliseconds. */
    public record Response(int status, java.net.http.HttpHeaders headers, String body, long millis) {
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    private final HttpClient http;
    private final EvidenceProperties properties;
    private final AtomicReference<String> selfBaseUrl = new AtomicReference<>();

    public ApiClient(EvidenceProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(properties.probe().timeoutMillis()))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @EventListener
    void onWebServerStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            selfBaseUrl.set("http://127.0.0.1:" + event.getWebServer().getPort());
        }
    }

    /** The base URL calls go to, or empty while the web server has not started and none is configured. */
    public Optional<String> baseUrl() {
        String configured = properties.probe().baseUrl();
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured);
        }
        return Optional.ofNullable(selfBaseUrl.get());
    }

    /** POSTs {@code body} with the given content type and, when not null, {@code Authorization: Bearer key}. */
    public Response post(String path, String contentType, byte[] body, String key) throws IOException, InterruptedException {
        String base = baseUrl().orElseThrow(() -> new IOException("the web server has not started yet"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMillis(properties.probe().timeoutMillis()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Response(response.statusCode(), response.headers(), response.body(), millis);
    }

    /** POSTs a JSON body. */
    public Response postJson(String path, String json, String key) throws IOException, InterruptedException {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8), key);
    }

    /** GETs a path without a key. */
    public Response get(String path) throws IOException, InterruptedException {
        String base = baseUrl().orElseThrow(() -> new IOException("the web server has not started yet"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMillis(properties.probe().timeoutMillis())).GET().build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), response.headers(), response.body(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
