package dev.safespeak.moderation.internal;

import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.ListMatch.ListKind;
import dev.safespeak.moderation.TenantListEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored term of a tenant's block- or allowlist. */
@Entity
@Table(name = "tenant_list_term")
public class TenantListTerm {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String tenant;
    @Column(name = "list_kind", nullable = false)
    private String kind;
    @Column(nullable = false)
    private String term;
    @Column(name = "term_key", nullable = false)
    private String termKey;
    private String attribute;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TenantListTerm() {
    }

    public TenantListTerm(String tenant, String kind, String term, String termKey, String attribute,
            String createdBy, Instant createdAt) {
        this.tenant = tenant;
        this.kind = kind;
        this.term = term;
        this.termKey = termKey;
        this.attribute = attribute;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public String tenant() {
        return tenant;
    }

    public String kind() {
        return kind;
    }

    public TenantListEntry toEntry() {
        return new TenantListEntry(id, tenant, ListKind.valueOf(kind), term,
                attribute == null ? null : Attribute.valueOf(attribute), createdBy, createdAt);
    }
}
