package dev.safespeak.moderation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A text a caller asked us to keep for review, encrypted, with its scores and expiry. */
@Entity
@Table(name = "stored_text")
public class StoredText {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "request_id", nullable = false)
    private String requestId;
    @Column(nullable = false)
    private String tenant;
    @Column(name = "item_index", nullable = false)
    private int itemIndex;
    @Column(name = "text_cipher", nullable = false)
    private String textCipher;
    @Column(nullable = false)
    private String language;
    @Column(nullable = false)
    private String scores;
    @Column(name = "model_version", nullable = false)
    private String modelVersion;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected StoredText() {
    }

    public StoredText(String requestId, String tenant, int itemIndex, String textCipher, String language,
            String scores, String modelVersion, Instant createdAt, Instant expiresAt) {
        this.requestId = requestId;
        this.tenant = tenant;
        this.itemIndex = itemIndex;
        this.textCipher = textCipher;
        this.language = language;
        this.scores = scores;
        this.modelVersion = modelVersion;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String requestId() {
        return requestId;
    }

    public String tenant() {
        return tenant;
    }

    public int itemIndex() {
        return itemIndex;
    }

    public String textCipher() {
        return textCipher;
    }

    public String language() {
        return language;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
