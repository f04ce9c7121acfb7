package dev.safespeak.moderation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A score a caller thinks is right for a text, kept for review. */
@Entity
@Table(name = "score_feedback")
public class ScoreFeedback {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String tenant;
    @Column(name = "request_id")
    private String requestId;
    @Column(name = "text_cipher")
    private String textCipher;
    @Column(nullable = false)
    private String attribute;
    @Column(name = "suggested_score", nullable = false)
    private double suggestedScore;
    private String language;
    private String comment;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected ScoreFeedback() {
    }

    public ScoreFeedback(String tenant, String requestId, String textCipher, String attribute, double suggestedScore,
            String language, String comment, Instant createdAt, Instant expiresAt) {
        this.tenant = tenant;
        this.requestId = requestId;
        this.textCipher = textCipher;
        this.attribute = attribute;
        this.suggestedScore = suggestedScore;
        this.language = language;
        this.comment = comment;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public Long id() {
        return id;
    }

    public String tenant() {
        return tenant;
    }

    public String requestId() {
        return requestId;
    }

    public String textCipher() {
        return textCipher;
    }

    public String attribute() {
        return attribute;
    }

    public double suggestedScore() {
        return suggestedScore;
    }
}
