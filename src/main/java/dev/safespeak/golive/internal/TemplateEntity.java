package dev.safespeak.golive.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored checklist template: its Markdown exactly as imported. */
@Entity
@Table(name = "golive_template")
public class TemplateEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @Column(columnDefinition = "TEXT")
    private String markdown;
    private boolean builtIn;
    private int itemCount;
    private String importedBy;
    private Instant importedAt;

    protected TemplateEntity() {
    }

    public TemplateEntity(String name, String markdown, boolean builtIn, int itemCount, String importedBy,
                          Instant importedAt) {
        this.name = name;
        this.markdown = markdown;
        this.builtIn = builtIn;
        this.itemCount = itemCount;
        this.importedBy = importedBy;
        this.importedAt = importedAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getMarkdown() {
        return markdown;
    }

    public boolean isBuiltIn() {
        return builtIn;
    }

    public int getItemCount() {
        return itemCount;
    }

    public String getImportedBy() {
        return importedBy;
    }

    public Instant getImportedAt() {
        return importedAt;
    }
}
