package dev.safespeak.base.cluster;

import java.util.function.Consumer;

/**
 * Short messages between the instances that share one database, on named channels. A message reaches every other
 * instance that subscribed to its channel, at most once, and never the instance that sent it (which acts on its own
 * change directly). Delivery is best effort: an instance that is down or reconnecting misses messages.
 */
public interface ClusterNotifications {

    /** Sends {@code payload} (at most {@value #MAX_PAYLOAD_CHARS} characters) to the other instances. */
    void publish(String channel, String payload);

    /** Calls {@code listener} with the payload of each message another instance sends on {@code channel}. */
    void subscribe(String channel, Consumer<String> listener);

    /** Whether messages leave this process at all (false on an embedded database). */
    boolean crossesInstances();

    /** PostgreSQL's NOTIFY payload limit is 8000 bytes; far more than a release id needs. */
    int MAX_PAYLOAD_CHARS = 1000;

    /** Channel names are SQL identifiers: lower-case letters, digits and underscores. */
    static String requireChannel(String channel) {
        if (channel == null || !channel.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("channel '" + channel
                    + "' is not a lower-case identifier of at most 63 characters");
        }
        return channel;
    }

    /** For a single process: nothing to send, nobody to hear. */
    final class Local implements ClusterNotifications {

        @Override
        public void publish(String channel, String payload) {
            requireChannel(channel);
        }

        @Override
        public void subscribe(String channel, Consumer<String> listener) {
            requireChannel(channel);
        }

        @Override
        public boolean crossesInstances() {
            return false;
        }
    }
}
