package dev.safespeak.golive;

import static dev.safespeak.golive.GoliveTexts.MAX_NAME;
import static dev.safespeak.golive.GoliveTexts.requireText;
import static dev.safespeak.golive.GoliveTexts.truncate;

import dev.safespeak.base.BusinessException;
import dev.safespeak.golive.internal.Checklist;
import dev.safespeak.golive.internal.ChecklistParser;
import dev.safespeak.golive.internal.TemplateEntity;
import dev.safespeak.golive.internal.TemplateRepository;
import dev.safespeak.security.CurrentUser;
import dev.safespeak.security.Roles;
import dev.safespeak.security.ServiceAuthorization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checklist templates of the go-live board: the built-in deployment checklist and Markdown checklists an
 * ADMIN imports. Reads need no signed-in user.
 */
@Service
@HandleAuthorizationDenied(handlerClass = ServiceAuthorization.class)
public class ChecklistTemplateService {

    private static final Logger log = LoggerFactory.getLogger(ChecklistTemplateService.class);

    private final TemplateRepository templates;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final GoliveProperties properties;
    private final ResourceLoader resources;

    ChecklistTemplateService(TemplateRepository templates, ApplicationEventPublisher events, Clock clock,
                             GoliveProperties properties, ResourceLoader resources) {
        this.templates = templates;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.resources = resources;
    }

    /**
     * The built-in template (the shipped deployment checklist), installing it on first use; an item the file
     * writes without a key is stored with its derived key written in.
     */
    @Transactional
    public TemplateView defaultTemplate() {
        String markdown = ChecklistParser.withKeys(loadDefaultTemplate());
        Optional<TemplateEntity> latest = templates.findAllByOrderByIdAsc().stream()
                .filter(TemplateEntity::isBuiltIn)
                .reduce((a, b) -> b);
        if (latest.isPresent() && latest.get().getMarkdown().equals(markdown)) {
            return toView(latest.get());
        }
        Checklist checklist = ChecklistParser.parse(markdown);
        String name = checklist.title() != null ? checklist.title() : "Deployment checklist";
        TemplateEntity saved = templates.save(new TemplateEntity(truncate(name, MAX_NAME), markdown, true,
                checklist.itemCount(), "system:golive", clock.instant()));
        log.info("Installed the built-in checklist template '{}' with {} items", name, checklist.itemCount());
        return toView(saved);
    }

    public List<TemplateView> templates() {
        return templates.findAllByOrderByIdAsc().stream().map(ChecklistTemplateService::toView).toList();
    }

    public TemplateView template(long templateId) {
        return toView(templateEntity(templateId));
    }

    /** The Markdown a template was imported from. */
    public String templateMarkdown(long templateId) {
        return templateEntity(templateId).getMarkdown();
    }

    /**
     * Imports a Markdown checklist as a template (ADMIN only). Malformed Markdown is an
     * {@link IllegalArgumentException} naming the line and the problem. Items written without a key
     * ({@code {#key}}) get one derived from their text, and the template is stored with those keys written in, so an
     * item keeps its key in every release and export made from it (decision 011).
     */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public TemplateView importTemplate(String name, String markdown) {
        CurrentUser user = CurrentUser.require();
        String cleanName = requireText(name, "template name", MAX_NAME);
        if (markdown == null || markdown.isBlank()) {
            throw new IllegalArgumentException("checklist is empty");
        }
        int bytes = markdown.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > properties.maxTemplateBytes()) {
            throw new IllegalArgumentException("checklist has " + bytes + " bytes, at most "
                    + properties.maxTemplateBytes() + " are allowed");
        }
        Checklist checklist = ChecklistParser.parse(markdown);
        if (checklist.itemCount() == 0) {
            throw new IllegalArgumentException("checklist has no items");
        }
        TemplateEntity saved = templates.save(new TemplateEntity(cleanName, ChecklistParser.withKeys(markdown), false,
                checklist.itemCount(), user.username(), clock.instant()));
        events.publishEvent(new TemplateImported(saved.getId(), cleanName, checklist.itemCount(), user.username(),
                clock.instant()));
        return toView(saved);
    }

    private TemplateEntity templateEntity(long templateId) {
        return templates.findById(templateId)
                .orElseThrow(() -> BusinessException.notFound("Checklist template " + templateId + " does not exist"));
    }

    private String loadDefaultTemplate() {
        try (InputStream in = resources.getResource(properties.defaultTemplate()).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("safespeak.golive.default-template: cannot read "
                    + properties.defaultTemplate(), e);
        }
    }

    private static TemplateView toView(TemplateEntity t) {
        Checklist checklist = ChecklistParser.parse(t.getMarkdown());
        return new TemplateView(t.getId(), t.getName(), t.isBuiltIn(), checklist.phases().size(),
                checklist.sectionCount(), checklist.itemCount(), t.getImportedBy(), t.getImportedAt());
    }
}
