package dev.safespeak.signoff.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Stored go/no-go decisions. */
public interface GoNoGoEntryRepository extends JpaRepository<GoNoGoEntry, Long> {

    List<GoNoGoEntry> findByReleaseIdOrderByIdAsc(long releaseId);

    Optional<GoNoGoEntry> findFirstByReleaseIdOrderByIdDesc(long releaseId);

}
