package dev.safespeak.golive.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Items of releases. */
public interface ItemRepository extends JpaRepository<ItemEntity, Long> {

    List<ItemEntity> findByReleaseIdOrderByPositionAsc(Long releaseId);

    Optional<ItemEntity> findByReleaseIdAndKey(Long releaseId, String key);
}
