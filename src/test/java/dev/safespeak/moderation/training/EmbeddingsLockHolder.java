package dev.safespeak.moderation.training;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Another training run, for {@link EmbeddingsTest}: opens the cache named by its argument (so holds its lock), prints
 * {@link #LOCKED}, and closes it when its standard input ends.
 */
final class EmbeddingsLockHolder {

    static final String LOCKED = "locked";

    private EmbeddingsLockHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (Embeddings embeddings = new Embeddings(text -> {
            throw new IllegalStateException("the lock holder embeds nothing");
        }, "sha-of-this-encoder", Path.of(args[0]))) {
            System.out.println(LOCKED);
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our standard input
            }
        }
    }
}
