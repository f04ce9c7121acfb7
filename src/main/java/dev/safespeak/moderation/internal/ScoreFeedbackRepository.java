package dev.safespeak.moderation.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Stores score feedback. */
public interface ScoreFeedbackRepository extends JpaRepository<ScoreFeedback, Long> {

    List<ScoreFeedback> findByTenantOrderByIdDesc(String tenant);

    @Modifying
    @Query("delete from ScoreFeedback f where f.expiresAt < :now")
    int deleteExpired(Instant now);
}
