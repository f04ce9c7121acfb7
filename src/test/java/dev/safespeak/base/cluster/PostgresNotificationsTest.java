package dev.safespeak.base.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.base.PostgresAvailable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/** Two {@link PostgresNotifications}, as two instances would hold them, on the machine's PostgreSQL. */
@ExtendWith(PostgresAvailable.class)
class PostgresNotificationsTest {

    private static PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(System.getenv().getOrDefault("SAFESPEAK_TEST_PG_URL",
                "jdbc:postgresql://127.0.0.1:5432/test"));
        dataSource.setUser(System.getenv().getOrDefault("SAFESPEAK_TEST_PG_USER", "postgres"));
        return dataSource;
    }

    @Test
    void a_message_reaches_the_other_instance_and_not_the_sender() throws Exception {
        String channel = "safespeak_test_" + System.nanoTime();
        PostgresNotifications a = new PostgresNotifications(dataSource());
        PostgresNotifications b = new PostgresNotifications(dataSource());
        try {
            BlockingQueue<String> heardByA = new LinkedBlockingQueue<>();
            BlockingQueue<String> heardByB = new LinkedBlockingQueue<>();
            a.subscribe(channel, heardByA::add);
            b.subscribe(channel, heardByB::add);
            // The listener threads LISTEN within one wait (500 ms) of a subscription; resend until B hears.
            String heard = null;
            for (int i = 0; i < 20 && heard == null; i++) {
                a.publish(channel, "42");
                heard = heardByB.poll(500, TimeUnit.MILLISECONDS);
            }
            assertThat(heard).isEqualTo("42");
            // B hearing does not mean A's listener has LISTENed yet (a notification sent before is lost): resend
            // until A hears too, as above.
            String heardBack = null;
            for (int i = 0; i < 20 && heardBack == null; i++) {
                b.publish(channel, "-1");
                heardBack = heardByA.poll(500, TimeUnit.MILLISECONDS);
            }
            assertThat(heardBack).isEqualTo("-1");
            assertThat(heardByA).as("A never hears its own messages").doesNotContain("42");
            assertThat(a.crossesInstances()).isTrue();
        } finally {
            a.destroy();
            b.destroy();
        }
    }

    @Test
    void a_channel_must_be_a_lower_case_identifier() {
        for (String bad : List.of("Board", "board; DROP TABLE x", "", "1board")) {
            assertThatThrownBy(() -> new ClusterNotifications.Local().publish(bad, "1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("channel '" + bad + "' is not a lower-case identifier of at most 63 characters");
        }
    }

    @Test
    void a_payload_longer_than_the_limit_is_refused() throws Exception {
        PostgresNotifications a = new PostgresNotifications(dataSource());
        try {
            assertThatThrownBy(() -> a.publish("safespeak_board", "x".repeat(1001)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("payload has 1001 characters, at most 1000 are allowed");
        } finally {
            a.destroy();
        }
    }

    @Test
    void on_a_single_process_database_nothing_crosses() {
        assertThat(new ClusterNotifications.Local().crossesInstances()).isFalse();
    }
}
