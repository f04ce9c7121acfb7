package dev.safespeak.moderation.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Stores the texts kept for review. */
public interface StoredTextRepository extends JpaRepository<StoredText, Long> {

    List<StoredText> findByRequestIdAndTenantOrderByItemIndexAsc(String requestId, String tenant);

    boolean existsByRequestIdAndTenant(String requestId, String tenant);

    @Modifying
    @Query("delete from StoredText s where s.expiresAt < :now")
    int deleteExpired(Instant now);
}
