package dev.safespeak.signoff.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Stored approval moments. */
public interface ApprovalEntryRepository extends JpaRepository<ApprovalEntry, Long> {

    /** The approval that has not been withdrawn, if any. */
    Optional<ApprovalEntry> findFirstByReleaseIdAndWithdrawnAtIsNull(long releaseId);
}
