package dev.safespeak.signoff.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Stored sign-offs and rejections. */
public interface SignOffEntryRepository extends JpaRepository<SignOffEntry, Long> {

    /** The release's whole history, oldest first. */
    List<SignOffEntry> findByReleaseIdOrderByIdAsc(long releaseId);
}
