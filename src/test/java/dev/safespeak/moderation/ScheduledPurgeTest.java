package dev.safespeak.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The retention promise kept by the scheduler itself, not by a test calling the purge: with a purge interval of
 * half a second, back-dated stored texts and feedback disappear on their own and current ones stay.
 */
@SpringBootTest(properties = {"safespeak.storage.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "safespeak.storage.purge-interval=PT0.5S", "safespeak.storage.purge-lock=PT0.1S"})
@ActiveProfiles("test")
class ScheduledPurgeTest {

    @Autowired
    TextStorageService storage;
    @Autowired
    FeedbackService feedback;
    @Autowired
    JdbcTemplate jdbc;

    private static ModerationResult result() {
        return new ModerationResult("m1", List.of(new TextScore(new DetectedLanguage("en", 0.9),
                Map.of(Attribute.TOXICITY, 0.8), Map.of(Attribute.TOXICITY, true), Map.of(), List.of())));
    }

    @Test
    void the_scheduled_purge_deletes_back_dated_texts_and_feedback_and_keeps_current_ones() {
        storage.store("purge-old", "acme", List.of("old text"), result());
        storage.store("purge-new", "acme", List.of("new text"), result());
        feedback.submit(new Feedback("acme", null, "purge-old", Attribute.TOXICITY, 0.1, "en", "old feedback"));
        feedback.submit(new Feedback("acme", null, "purge-new", Attribute.TOXICITY, 0.1, "en", "new feedback"));
        jdbc.update("UPDATE stored_text SET expires_at = TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00'"
                + " WHERE request_id = 'purge-old'");
        jdbc.update("UPDATE score_feedback SET expires_at = TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00'"
                + " WHERE request_id = 'purge-old'");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stored_text WHERE request_id = 'purge-old'",
                    Integer.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM score_feedback WHERE request_id = 'purge-old'",
                    Integer.class)).isZero();
        });
        assertThat(storage.texts("purge-new", "acme")).containsExactly("new text");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM score_feedback WHERE request_id = 'purge-new'",
                Integer.class)).isEqualTo(1);
    }
}
