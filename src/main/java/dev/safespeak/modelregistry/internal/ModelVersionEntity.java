package dev.safespeak.modelregistry.internal;

import dev.safespeak.modelregistry.ModelKind;
import dev.safespeak.modelregistry.ModelState;
import dev.safespeak.modelregistry.ModelVersionInfo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A registered model version, as stored. */
@Entity
@Table(name = "model_version")
public class ModelVersionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 100)
    private String version;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ModelKind kind;
    @Column(name = "file_name", nullable = false)
    private String fileName;
    @Column(nullable = false, length = 64)
    private String sha256;
    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;
    @Column(columnDefinition = "TEXT")
    private String provenance;
    @Column(name = "evaluation_summary", columnDefinition = "TEXT")
    private String evaluationSummary;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ModelState state;
    @Column(name = "previous_version", length = 100)
    private String previousVersion;
    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;
    @Column(name = "registered_by", nullable = false, length = 100)
    private String registeredBy;
    @Column(name = "activated_at")
    private Instant activatedAt;

    protected ModelVersionEntity() {
    }

    public ModelVersionEntity(ModelKind kind, String version, String fileName, String sha256, long sizeBytes,
                              String provenance, String evaluationSummary, Instant registeredAt, String registeredBy) {
        this.kind = kind;
        this.version = version;
        this.fileName = fileName;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.provenance = provenance;
        this.evaluationSummary = evaluationSummary;
        this.state = ModelState.CANDIDATE;
        this.registeredAt = registeredAt;
        this.registeredBy = registeredBy;
    }

    public String version() {
        return version;
    }

    public ModelKind kind() {
        return kind;
    }

    public String fileName() {
        return fileName;
    }

    public String sha256() {
        return sha256;
    }

    public ModelState state() {
        return state;
    }

    public String previousVersion() {
        return previousVersion;
    }

    public Instant activatedAt() {
        return activatedAt;
    }

    public void activate(String previous, Instant at) {
        this.state = ModelState.ACTIVE;
        this.previousVersion = previous;
        this.activatedAt = at;
    }

    /** Reactivation by rollback keeps the version it originally replaced, so rollbacks can chain. */
    public void reactivate(Instant at) {
        this.state = ModelState.ACTIVE;
        this.activatedAt = at;
    }

    public void retire() {
        this.state = ModelState.RETIRED;
    }

    public ModelVersionInfo toInfo() {
        return new ModelVersionInfo(kind, version, fileName, sha256, sizeBytes, provenance, evaluationSummary, state,
                previousVersion, registeredAt, registeredBy, activatedAt);
    }
}
