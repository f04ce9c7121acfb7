package dev.safespeak.golive.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A comment on an item. */
@Entity
@Table(name = "golive_comment")
public class CommentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long itemId;
    private String author;
    private Instant createdAt;
    private String text;

    protected CommentEntity() {
    }

    public CommentEntity(Long itemId, String author, Instant createdAt, String text) {
        this.itemId = itemId;
        this.author = author;
        this.createdAt = createdAt;
        this.text = text;
    }

    public Long getId() {
        return id;
    }

    public Long getItemId() {
        return itemId;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getText() {
        return text;
    }
}
