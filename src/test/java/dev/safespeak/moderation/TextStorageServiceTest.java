package dev.safespeak.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = "safespeak.storage.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")
@ActiveProfiles("test")
class TextStorageServiceTest {

    @Autowired
    TextStorageService storage;
    @Autowired
    JdbcTemplate jdbc;

    private static ModerationResult result() {
        return new ModerationResult("m1", List.of(new TextScore(new DetectedLanguage("en", 0.9),
                Map.of(Attribute.TOXICITY, 0.8), Map.of(Attribute.TOXICITY, true), Map.of(), List.of())));
    }

    @Test
    void a_stored_text_is_encrypted_at_rest_and_readable_with_the_key() {
        storage.store("req-1", "acme", List.of("a very secret sentence"), result());
        String cipher = jdbc.queryForObject("SELECT text_cipher FROM stored_text WHERE request_id = 'req-1'",
                String.class);
        assertThat(cipher).startsWith("v1:").doesNotContain("secret");
        assertThat(storage.texts("req-1", "acme")).containsExactly("a very secret sentence");
        assertThat(storage.texts("req-1", "other-tenant")).isEmpty();
        assertThat(storage.retention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void the_purge_deletes_texts_past_their_retention_period() {
        storage.store("req-2", "acme", List.of("old text"), result());
        storage.store("req-3", "acme", List.of("new text"), result());
        jdbc.update("UPDATE stored_text SET expires_at = TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00'"
                + " WHERE request_id = 'req-2'");
        assertThat(storage.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(storage.texts("req-2", "acme")).isEmpty();
        assertThat(storage.texts("req-3", "acme")).containsExactly("new text");
    }

    @Test
    void a_bad_storage_key_stops_the_app_with_the_keys_name() {
        assertThatThrownBy(() -> new StorageProperties("c2hvcnQ=", 30, 365, Duration.ofMinutes(10)))
                .hasMessage("safespeak.storage.key (SAFESPEAK_STORAGE_KEY) must be base64 of 16, 24 or 32 bytes, not 5");
        assertThatThrownBy(() -> new StorageProperties(null, 0, 365, Duration.ofMinutes(10)))
                .hasMessage("safespeak.storage.retention-days must be between 1 and 3650, not 0");
    }
}
