package dev.safespeak.golive.internal;

import dev.safespeak.security.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Item history. */
public interface HistoryRepository extends JpaRepository<HistoryEntity, Long> {

    List<HistoryEntity> findByItemIdOrderByIdAsc(Long itemId);

    boolean existsByItemIdAndAction(Long itemId, String action);

    /** The newest entry of one action on the item, to name who made the change another user's view missed. */
    Optional<HistoryEntity> findFirstByItemIdAndActionOrderByIdDesc(Long itemId, String action);

    /** Entries of one action on the items owned by any of {@code owners}, newest first. */
    @Query("select h from HistoryEntity h where h.action = :action and h.itemId in"
            + " (select i.id from ItemEntity i where i.owner in :owners) order by h.occurredAt desc, h.id desc")
    List<HistoryEntity> findByActionOnItemsOwnedBy(String action, Collection<Role> owners);
}
