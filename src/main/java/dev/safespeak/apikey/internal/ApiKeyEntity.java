package dev.safespeak.apikey.internal;

import dev.safespeak.apikey.ApiKeyInfo;
import dev.safespeak.apikey.ApiKeyPrincipal;
import dev.safespeak.apikey.ApiKeyScope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;

/** A stored API key: the SHA-256 of its secret, never the secret. */
@Entity
@Table(name = "api_key")
public class ApiKeyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String tenant;
    @Column(nullable = false)
    private String prefix;
    @Column(name = "secret_hash", nullable = false)
    private String secretHash;
    @Column(name = "rate_per_second", nullable = false)
    private int ratePerSecond;
    @Column(name = "daily_texts", nullable = false)
    private long dailyTexts;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "revoked_by")
    private String revokedBy;
    /** Scope names separated by spaces (ApiKeyScope.format). */
    @Column(nullable = false)
    private String scopes;

    protected ApiKeyEntity() {
    }

    public ApiKeyEntity(String name, String tenant, String prefix, String secretHash, int ratePerSecond,
            long dailyTexts, String createdBy, Instant createdAt, Set<ApiKeyScope> scopes) {
        this.name = name;
        this.tenant = tenant;
        this.prefix = prefix;
        this.secretHash = secretHash;
        this.ratePerSecond = ratePerSecond;
        this.dailyTexts = dailyTexts;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.scopes = ApiKeyScope.format(scopes);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public void revoke(String by, Instant at) {
        this.revokedAt = at;
        this.revokedBy = by;
    }

    public ApiKeyInfo toInfo() {
        return new ApiKeyInfo(id, name, tenant, prefix, ratePerSecond, dailyTexts, createdBy, createdAt, revokedAt,
                ApiKeyScope.parse(scopes));
    }

    public ApiKeyPrincipal toPrincipal() {
        return new ApiKeyPrincipal(id, name, tenant, prefix, ratePerSecond, dailyTexts, ApiKeyScope.parse(scopes));
    }
}
