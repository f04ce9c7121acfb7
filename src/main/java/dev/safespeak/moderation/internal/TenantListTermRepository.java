package dev.safespeak.moderation.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Stores the terms of the tenants' block- and allowlists. */
public interface TenantListTermRepository extends JpaRepository<TenantListTerm, Long> {

    List<TenantListTerm> findByTenantOrderByIdAsc(String tenant);

    List<TenantListTerm> findByTenantAndKindOrderByIdAsc(String tenant, String kind);

    boolean existsByTenantAndKindAndTermKey(String tenant, String kind, String termKey);

    long countByTenantAndKind(String tenant, String kind);
}
