package dev.safespeak.golive;

import java.time.Instant;

/** A comment on an item. */
public record CommentView(long id, long itemId, String author, Instant createdAt, String text) {
}
