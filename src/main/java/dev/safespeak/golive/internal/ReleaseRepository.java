package dev.safespeak.golive.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Releases. */
public interface ReleaseRepository extends JpaRepository<ReleaseEntity, Long> {

    List<ReleaseEntity> findAllByOrderByGoLiveDateAscIdAsc();

    boolean existsByNameIgnoreCaseAndVersionIgnoreCase(String name, String version);
}
