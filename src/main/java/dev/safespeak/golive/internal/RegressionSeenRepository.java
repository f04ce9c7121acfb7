package dev.safespeak.golive.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** What each user has seen of their items' regressions. */
public interface RegressionSeenRepository extends JpaRepository<RegressionSeenEntity, Long> {

    List<RegressionSeenEntity> findByUsernameAndItemIdIn(String username, Collection<Long> itemIds);
}
