package dev.safespeak.signoff.internal;

import dev.safespeak.signoff.SignOffDecision;
import dev.safespeak.signoff.SignOffRecord;
import dev.safespeak.signoff.SignOffSlot;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A sign-off or rejection as stored; never deleted, only marked invalidated. */
@Entity
@Table(name = "signoff_entry")
public class SignOffEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "release_id", nullable = false)
    private long releaseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private SignOffSlot slot;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SignOffDecision decision;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(name = "comment_text", nullable = false, length = 2000)
    private String comment;

    @Column(name = "acted_at", nullable = false)
    private Instant actedAt;

    @Column(name = "invalidated_at")
    private Instant invalidatedAt;

    @Column(name = "invalidation_reason", length = 1000)
    private String invalidationReason;

    protected SignOffEntry() {
    }

    public SignOffEntry(long releaseId, SignOffSlot slot, SignOffDecision decision, String username, String comment,
                        Instant actedAt) {
        this.releaseId = releaseId;
        this.slot = slot;
        this.decision = decision;
        this.username = username;
        this.comment = comment;
        this.actedAt = actedAt;
    }

    public void invalidate(Instant at, String reason) {
        this.invalidatedAt = at;
        this.invalidationReason = reason;
    }

    public boolean valid() {
        return invalidatedAt == null;
    }

    /** When the sign-off (or rejection) was given. */
    public Instant actedAt() {
        return actedAt;
    }

    public SignOffSlot slot() {
        return slot;
    }

    public SignOffDecision decision() {
        return decision;
    }

    public String username() {
        return username;
    }

    public SignOffRecord toRecord() {
        return new SignOffRecord(id, releaseId, slot, decision, username, comment, actedAt, invalidatedAt,
                invalidationReason);
    }
}
