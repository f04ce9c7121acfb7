package dev.safespeak.golive.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** When a user last opened or dismissed the notice that one of their items regressed. */
@Entity
@Table(name = "golive_regression_seen")
public class RegressionSeenEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private Long itemId;
    private Instant seenAt;

    protected RegressionSeenEntity() {
    }

    public RegressionSeenEntity(String username, Long itemId, Instant seenAt) {
        this.username = username;
        this.itemId = itemId;
        this.seenAt = seenAt;
    }

    public Long getItemId() {
        return itemId;
    }

    public Instant getSeenAt() {
        return seenAt;
    }

    /** Seen again at {@code at}; an earlier time than the stored one changes nothing. */
    public void seenAgain(Instant at) {
        if (at.isAfter(seenAt)) {
            seenAt = at;
        }
    }
}
