package dev.safespeak.golive.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Item history. */
public interface HistoryRepository extends JpaRepository<HistoryEntity, Long> {

    List<HistoryEntity> findByItemIdOrderByIdAsc(Long itemId);
}
