package dev.safespeak.moderation.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the REST API ({@code safespeak.api.*} in config/api.yml), checked at start.
 *
 * @param maxBodyBytes largest request body; bigger ones get 413
 * @param publicBaseUrl the URL clients reach SafeSpeak at (such as {@code https://moderation.example.org/}), put
 *        into the Perspective discovery document; empty: taken from each request and its forwarded headers.
 *        Normalised to end with a slash.
 */
@ConfigurationProperties("safespeak.api")
record ApiProperties(@DefaultValue("3145728") long maxBodyBytes, @DefaultValue("") String publicBaseUrl) {

    ApiProperties {
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("safespeak.api.max-body-bytes must be at least 1024, not " + maxBodyBytes);
        }
        publicBaseUrl = normaliseBaseUrl(publicBaseUrl);
    }

    private static String normaliseBaseUrl(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        String problem = "safespeak.api.public-base-url (SAFESPEAK_PUBLIC_BASE_URL) must be an absolute http or "
                + "https URL without query or fragment, such as https://moderation.example.org/, not '" + url + "'";
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(problem);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(problem);
        }
        String text = uri.toString();
        return text.endsWith("/") ? text : text + "/";
    }
}
