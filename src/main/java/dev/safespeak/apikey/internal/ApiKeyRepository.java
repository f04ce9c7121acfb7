package dev.safespeak.apikey.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Stores API keys. */
public interface ApiKeyRepository extends JpaRepository<ApiKeyEntity, Long> {

    Optional<ApiKeyEntity> findBySecretHash(String secretHash);

    List<ApiKeyEntity> findAllByOrderByIdDesc();
}
