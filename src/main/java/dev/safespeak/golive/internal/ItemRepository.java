package dev.safespeak.golive.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Items of releases. */
public interface ItemRepository extends JpaRepository<ItemEntity, Long> {

    List<ItemEntity> findByReleaseIdOrderByPositionAsc(Long releaseId);

    Optional<ItemEntity> findByReleaseIdAndKey(Long releaseId, String key);

    /** The item, locked until the transaction ends, so two writers that read elsewhere first take turns. */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @org.springframework.data.jpa.repository.Query("select i from ItemEntity i where i.releaseId = :releaseId "
            + "and i.key = :key")
    Optional<ItemEntity> lockByReleaseIdAndKey(@org.springframework.data.repository.query.Param("releaseId")
            Long releaseId, @org.springframework.data.repository.query.Param("key") String key);
}
