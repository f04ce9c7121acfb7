package dev.safespeak.golive.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of an item's history. */
@Entity
@Table(name = "golive_history")
public class HistoryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long itemId;
    private String actor;
    private Instant occurredAt;
    private String action;
    @Column(name = "before_value")
    private String before;
    @Column(name = "after_value")
    private String after;

    protected HistoryEntity() {
    }

    public HistoryEntity(Long itemId, String actor, Instant occurredAt, String action, String before, String after) {
        this.itemId = itemId;
        this.actor = actor;
        this.occurredAt = occurredAt;
        this.action = action;
        this.before = before;
        this.after = after;
    }

    public Long getId() {
        return id;
    }

    public Long getItemId() {
        return itemId;
    }

    public String getActor() {
        return actor;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getAction() {
        return action;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }
}
