package dev.safespeak.modelregistry.internal;

import dev.safespeak.modelregistry.ModelKind;
import dev.safespeak.modelregistry.ModelState;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Stored model versions. */
public interface ModelVersionRepository extends JpaRepository<ModelVersionEntity, Long> {

    Optional<ModelVersionEntity> findByVersion(String version);

    /** The oldest registered version of a kind whose artifact has this checksum. */
    Optional<ModelVersionEntity> findFirstByKindAndSha256OrderByIdAsc(ModelKind kind, String sha256);

    List<ModelVersionEntity> findByKindAndState(ModelKind kind, ModelState state);

    List<ModelVersionEntity> findByKindOrderByRegisteredAtDescIdDesc(ModelKind kind);

    List<ModelVersionEntity> findAllByOrderByRegisteredAtDescIdDesc();
}
