package dev.safespeak.signoff.internal;

import dev.safespeak.signoff.GoNoGo;
import dev.safespeak.signoff.GoNoGoDecision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A recorded go/no-go meeting as stored. */
@Entity
@Table(name = "signoff_go_no_go")
public class GoNoGoEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "release_id", nullable = false)
    private long releaseId;

    @Column(name = "meeting_date", nullable = false)
    private LocalDate meetingDate;

    @Column(nullable = false, length = 2000)
    private String attendees;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private GoNoGo decision;

    @Column(nullable = false, length = 4000)
    private String notes;

    @Column(name = "recorded_by", nullable = false, length = 100)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected GoNoGoEntry() {
    }

    public GoNoGoEntry(long releaseId, LocalDate meetingDate, String attendees, GoNoGo decision, String notes,
                       String recordedBy, Instant recordedAt) {
        this.releaseId = releaseId;
        this.meetingDate = meetingDate;
        this.attendees = attendees;
        this.decision = decision;
        this.notes = notes;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public GoNoGoDecision toRecord() {
        return new GoNoGoDecision(id, releaseId, meetingDate, attendees, decision, notes, recordedBy, recordedAt);
    }
}
