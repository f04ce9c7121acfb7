package dev.safespeak.moderation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Browsers ask every page for /favicon.ico; it is served to anybody (it was a 404 on every page). */
class FaviconTest extends LiveApiTestSupport {

    @Test
    void the_favicon_is_served_without_signing_in() throws Exception {
        HttpResponse<byte[]> icon = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/favicon.ico")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(icon.statusCode()).isEqualTo(200);
        try (InputStream committed = FaviconTest.class.getResourceAsStream("/META-INF/resources/favicon.ico")) {
            assertThat(icon.body()).isEqualTo(committed.readAllBytes());
        }
    }
}
