package dev.safespeak.signoff.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The moment a release's computed approval turned true, kept so {@code ReleaseApproved} is published once per
 * approval; an invalidation withdraws it. The approval itself is always computed, never read from here.
 */
@Entity
@Table(name = "signoff_approval")
public class ApprovalEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "release_id", nullable = false)
    private long releaseId;

    @Column(name = "approved_at", nullable = false)
    private Instant approvedAt;

    @Column(name = "approved_after", nullable = false, length = 100)
    private String approvedAfter;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "withdrawn_reason", length = 1000)
    private String withdrawnReason;

    protected ApprovalEntry() {
    }

    public ApprovalEntry(long releaseId, Instant approvedAt, String approvedAfter) {
        this.releaseId = releaseId;
        this.approvedAt = approvedAt;
        this.approvedAfter = approvedAfter;
    }

    public Long id() {
        return id;
    }

    public Instant approvedAt() {
        return approvedAt;
    }
}
