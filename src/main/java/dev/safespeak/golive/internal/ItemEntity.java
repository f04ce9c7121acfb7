package dev.safespeak.golive.internal;

import dev.safespeak.golive.ItemStatus;
import dev.safespeak.golive.TimelineWindow;
import dev.safespeak.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** One checklist item of a release; phase and section are stored on the item, in checklist order by position. */
@Entity
@Table(name = "golive_item")
public class ItemEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long releaseId;
    private int position;
    /** The stable key (decision 011), unique in the release; never changes once set. */
    @Column(name = "item_key", updatable = false)
    private String key;
    private String phase;
    private String section;
    private String text;
    @Enumerated(EnumType.STRING)
    @Column(name = "owner_role")
    private Role owner;
    @Enumerated(EnumType.STRING)
    private ItemStatus status;
    private String reason;
    private boolean required;
    @Enumerated(EnumType.STRING)
    @Column(name = "time_window")
    private TimelineWindow window;
    private LocalDate dueDate;
    private boolean regressed;
    @Column(columnDefinition = "TEXT")
    private String note;
    private String evidenceLink;
    private String evidenceSummary;
    private String changedBy;
    private Instant changedAt;
    private int commentCount;
    @Version
    private long version;

    protected ItemEntity() {
    }

    public ItemEntity(Long releaseId, int position, String key, String phase, String section, String text, Role owner,
                      boolean required, TimelineWindow window, LocalDate dueDate) {
        this.releaseId = releaseId;
        this.position = position;
        this.key = ItemKeys.require(key);
        this.phase = phase;
        this.section = section;
        this.text = text;
        this.owner = owner;
        this.status = ItemStatus.OPEN;
        this.required = required;
        this.window = window;
        this.dueDate = dueDate;
    }

    public void touch(String actor, Instant at) {
        this.changedBy = actor;
        this.changedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getReleaseId() {
        return releaseId;
    }

    public int getPosition() {
        return position;
    }

    public String getKey() {
        return key;
    }

    public String getPhase() {
        return phase;
    }

    public String getSection() {
        return section;
    }

    public String getText() {
        return text;
    }

    public Role getOwner() {
        return owner;
    }

    public void setOwner(Role owner) {
        this.owner = owner;
    }

    public ItemStatus getStatus() {
        return status;
    }

    public void setStatus(ItemStatus status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    public String getReason() {
        return reason;
    }

    public boolean isRequired() {
        return required;
    }

    public TimelineWindow getWindow() {
        return window;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public boolean isRegressed() {
        return regressed;
    }

    public void setRegressed(boolean regressed) {
        this.regressed = regressed;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getEvidenceLink() {
        return evidenceLink;
    }

    public String getEvidenceSummary() {
        return evidenceSummary;
    }

    public void setEvidence(String link, String summary) {
        this.evidenceLink = link;
        this.evidenceSummary = summary;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public int getCommentCount() {
        return commentCount;
    }

    public void countComment() {
        commentCount++;
    }
}
