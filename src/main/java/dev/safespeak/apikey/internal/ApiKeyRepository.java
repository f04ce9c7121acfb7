package dev.safespeak.apikey.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Stores API keys. */
public interface ApiKeyRepository extends JpaRepository<ApiKeyEntity, Long> {

    Optional<ApiKeyEntity> findBySecretHash(String secretHash);

    List<ApiKeyEntity> findAllByOrderByIdDesc();

    /** The ids of every revoked key, for the background refresh of the key cache. */
    @Query("select k.id from ApiKeyEntity k where k.revokedAt is not null")
    List<Long> findRevokedIds();
}
