package dev.safespeak.golive.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Stored checklist templates. */
public interface TemplateRepository extends JpaRepository<TemplateEntity, Long> {

    Optional<TemplateEntity> findFirstByBuiltInTrueOrderByIdAsc();

    List<TemplateEntity> findAllByOrderByIdAsc();
}
