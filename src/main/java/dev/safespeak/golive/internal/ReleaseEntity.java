package dev.safespeak.golive.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A release being taken live. */
@Entity
@Table(name = "golive_release")
public class ReleaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String version;
    private LocalDate goLiveDate;
    private Long templateId;
    private String createdBy;
    private Instant createdAt;

    protected ReleaseEntity() {
    }

    public ReleaseEntity(String name, String version, LocalDate goLiveDate, Long templateId, String createdBy,
                         Instant createdAt) {
        this.name = name;
        this.version = version;
        this.goLiveDate = goLiveDate;
        this.templateId = templateId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getVersion() {
        return version;
    }

    public LocalDate getGoLiveDate() {
        return goLiveDate;
    }

    public Long getTemplateId() {
        return templateId;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
