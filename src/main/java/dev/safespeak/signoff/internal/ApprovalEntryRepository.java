package dev.safespeak.signoff.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Stored approval moments. */
public interface ApprovalEntryRepository extends JpaRepository<ApprovalEntry, Long> {

    /** The approval that has not been withdrawn, if any. */
    Optional<ApprovalEntry> findFirstByReleaseIdAndWithdrawnAtIsNull(long releaseId);

    /**
     * Withdraws approval {@code id} unless it is withdrawn already; returns 1 when this call withdrew it, 0 when
     * another did first.
     */
    @Modifying(flushAutomatically = true)
    @Query("update ApprovalEntry a set a.withdrawnAt = :at, a.withdrawnReason = :reason "
            + "where a.id = :id and a.withdrawnAt is null")
    int withdraw(@Param("id") long id, @Param("at") Instant at, @Param("reason") String reason);
}
