package dev.safespeak.golive;

import dev.safespeak.base.BusinessException;
import dev.safespeak.base.ErrorCode;
import dev.safespeak.golive.internal.Checklist;
import dev.safespeak.golive.internal.ChecklistParser;
import dev.safespeak.golive.internal.CommentEntity;
import dev.safespeak.golive.internal.CommentRepository;
import dev.safespeak.golive.internal.HistoryEntity;
import dev.safespeak.golive.internal.HistoryRepository;
import dev.safespeak.golive.internal.ItemEntity;
import dev.safespeak.golive.internal.ItemRepository;
import dev.safespeak.golive.internal.MarkdownExporter;
import dev.safespeak.golive.internal.OwnerMapping;
import dev.safespeak.golive.internal.ReleaseEntity;
import dev.safespeak.golive.internal.ReleaseRepository;
import dev.safespeak.golive.internal.ScheduleRules;
import dev.safespeak.golive.internal.TemplateEntity;
import dev.safespeak.golive.internal.TemplateRepository;
import dev.safespeak.security.CurrentUser;
import dev.safespeak.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The go-live board's public API: templates, releases, their items and everything done to an item.
 * It enforces authorisation itself: a user changes only items owned by one of their roles, only an
 * ADMIN imports templates, creates releases and reassigns owners, a VIEWER reads only. Reads need no
 * signed-in user so other modules can read the board from background work.
 */
@Service
public class ReleaseService {

    /** Actor recorded for acts of the evidence module's readiness checks. */
    public static final String SYSTEM_EVIDENCE = "system:evidence";

    private static final Logger log = LoggerFactory.getLogger(ReleaseService.class);
    private static final int MAX_NAME = 200;
    private static final int MAX_TEXT = 4000;
    private static final int MAX_LINK = 2000;
    private static final int MAX_REASON = 1000;

    private final TemplateRepository templates;
    private final ReleaseRepository releases;
    private final ItemRepository items;
    private final CommentRepository comments;
    private final HistoryRepository history;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final GoliveProperties properties;
    private final ResourceLoader resources;
    private final List<ItemEvidenceProvider> evidenceProviders;
    private final OwnerMapping ownerMapping;

    ReleaseService(TemplateRepository templates, ReleaseRepository releases, ItemRepository items,
                   CommentRepository comments, HistoryRepository history, ApplicationEventPublisher events,
                   Clock clock, GoliveProperties properties, ResourceLoader resources,
                   List<ItemEvidenceProvider> evidenceProviders) {
        this.templates = templates;
        this.releases = releases;
        this.items = items;
        this.comments = comments;
        this.history = history;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.resources = resources;
        this.evidenceProviders = List.copyOf(evidenceProviders);
        this.ownerMapping = new OwnerMapping(properties.fallbackOwner());
    }

    // ---------------------------------------------------------------- templates

    /** The built-in template (the shipped deployment checklist), installing it on first use. */
    @Transactional
    public TemplateView defaultTemplate() {
        String markdown = loadDefaultTemplate();
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
        return templates.findAllByOrderByIdAsc().stream().map(this::toView).toList();
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
     * {@link IllegalArgumentException} naming the line and the problem.
     */
    @Transactional
    public TemplateView importTemplate(String name, String markdown) {
        CurrentUser user = requireAdmin("import checklist templates");
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
        TemplateEntity saved = templates.save(new TemplateEntity(cleanName, markdown, false,
                checklist.itemCount(), user.username(), clock.instant()));
        events.publishEvent(new TemplateImported(saved.getId(), cleanName, checklist.itemCount(), user.username(),
                clock.instant()));
        return toView(saved);
    }

    // ---------------------------------------------------------------- releases

    /** Creates a release with every item of the template (ADMIN only). */
    @Transactional
    public ReleaseView createRelease(String name, String version, LocalDate goLiveDate, long templateId) {
        CurrentUser user = requireAdmin("create releases");
        return create(name, version, goLiveDate, templateId, user.username());
    }

    /** Creates a release without a signed-in user, for demo data and start-up seeding only. */
    @Transactional
    public ReleaseView createReleaseAsSystem(String name, String version, LocalDate goLiveDate, long templateId,
                                             String actor) {
        return create(name, version, goLiveDate, templateId, actor);
    }

    private ReleaseView create(String name, String version, LocalDate goLiveDate, long templateId, String actor) {
        String cleanName = requireText(name, "release name", MAX_NAME);
        String cleanVersion = requireText(version, "release version", 100);
        if (goLiveDate == null) {
            throw new IllegalArgumentException("go-live date is missing");
        }
        if (releases.existsByNameIgnoreCaseAndVersionIgnoreCase(cleanName, cleanVersion)) {
            throw BusinessException.conflict("A release '" + cleanName + "' version " + cleanVersion
                    + " already exists");
        }
        TemplateEntity template = templateEntity(templateId);
        Checklist checklist = ChecklistParser.parse(template.getMarkdown());
        Instant now = clock.instant();
        ReleaseEntity release = releases.save(new ReleaseEntity(cleanName, cleanVersion, goLiveDate, template.getId(),
                actor, now));
        List<ItemEntity> created = new ArrayList<>();
        int position = 0;
        for (Checklist.Phase phase : checklist.phases()) {
            for (Checklist.Section section : phase.sections()) {
                TimelineWindow window = ScheduleRules.window(phase.name(), section.name());
                for (Checklist.Item item : section.items()) {
                    boolean required = ScheduleRules.requiredBeforeApproval(phase.name(), section.name(), item.text());
                    created.add(new ItemEntity(release.getId(), position++, phase.name(), section.name(),
                            item.text(), ownerMapping.owner(phase.name(), section.name(), item.text()), required,
                            window, window.dueDate(goLiveDate)));
                }
            }
        }
        items.saveAll(created);
        events.publishEvent(new ReleaseCreated(release.getId(), cleanName, cleanVersion, goLiveDate,
                template.getId(), created.size(), actor, now));
        return toView(release, created);
    }

    public List<ReleaseView> releases() {
        return releases.findAllByOrderByGoLiveDateAscIdAsc().stream()
                .map(r -> toView(r, items.findByReleaseIdOrderByPositionAsc(r.getId())))
                .toList();
    }

    public ReleaseView release(long releaseId) {
        ReleaseEntity release = releaseEntity(releaseId);
        return toView(release, items.findByReleaseIdOrderByPositionAsc(release.getId()));
    }

    /** The release's phases, sections and items in checklist order, each with its progress. */
    public BoardView board(long releaseId) {
        ReleaseView release = release(releaseId);
        List<ItemView> all = items(releaseId);
        Map<String, Map<String, List<ItemView>>> grouped = new LinkedHashMap<>();
        for (ItemView item : all) {
            grouped.computeIfAbsent(item.phase(), p -> new LinkedHashMap<>())
                    .computeIfAbsent(item.section(), s -> new ArrayList<>()).add(item);
        }
        List<BoardView.Phase> phases = new ArrayList<>();
        grouped.forEach((phase, sections) -> {
            List<BoardView.Section> sectionViews = new ArrayList<>();
            sections.forEach((section, sectionItems) -> sectionViews.add(new BoardView.Section(section,
                    ownerMapping.sectionOwner(phase, section),
                    sectionItems.stream().anyMatch(ItemView::requiredBeforeApproval),
                    progress(sectionItems), List.copyOf(sectionItems))));
            Progress phaseProgress = sectionViews.stream().map(BoardView.Section::progress)
                    .reduce(Progress.NONE, Progress::plus);
            TimelineWindow window = sectionViews.get(0).items().get(0).window();
            phases.add(new BoardView.Phase(phase, window, phaseProgress, List.copyOf(sectionViews)));
        });
        return new BoardView(release, List.copyOf(phases));
    }

    public List<ItemView> items(long releaseId) {
        releaseEntity(releaseId);
        LocalDate today = LocalDate.now(clock);
        return items.findByReleaseIdOrderByPositionAsc(releaseId).stream().map(i -> toView(i, today)).toList();
    }

    /**
     * Items required before approval ({@link ApprovalRequirement#REQUIRED_BEFORE_APPROVAL}) that are neither done
     * nor not applicable: what blocks the technical and business sign-offs and what the readiness summary counts.
     */
    public List<ItemView> requiredOpenItems(long releaseId) {
        return items(releaseId).stream().filter(i -> i.requiredBeforeApproval() && !i.closed()).toList();
    }

    /**
     * The item whose text is {@code text} (ignoring case and surrounding blanks), or whose
     * "Section / text" label is; the first in checklist order when several match.
     */
    public Optional<ItemView> findItemByText(long releaseId, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String wanted = text.strip();
        List<ItemView> all = items(releaseId);
        return all.stream().filter(i -> i.text().equalsIgnoreCase(wanted)).findFirst()
                .or(() -> all.stream().filter(i -> i.label().equalsIgnoreCase(wanted)).findFirst());
    }

    public ItemView item(long itemId) {
        return toView(itemEntity(itemId), LocalDate.now(clock));
    }

    /** Done per phase, blocked, overdue and regressed items, and how many required items are open. */
    public ReleaseSummary summary(long releaseId) {
        BoardView board = board(releaseId);
        List<ItemView> all = board.items();
        return new ReleaseSummary(board.release(), board.release().progress(),
                board.phases().stream()
                        .map(p -> new ReleaseSummary.PhaseProgress(p.name(), p.window(), p.progress())).toList(),
                all.stream().filter(i -> i.status() == ItemStatus.BLOCKED).toList(),
                all.stream().filter(ItemView::overdue).toList(),
                all.stream().filter(ItemView::regressed).toList(),
                (int) all.stream().filter(i -> i.requiredBeforeApproval() && !i.closed()).count());
    }

    /** The release as Markdown in its template's layout, done items ticked, other states annotated. */
    public String exportMarkdown(long releaseId) {
        ReleaseEntity release = releaseEntity(releaseId);
        Checklist layout = ChecklistParser.parse(templateEntity(release.getTemplateId()).getMarkdown());
        return MarkdownExporter.export(layout, release, items.findByReleaseIdOrderByPositionAsc(releaseId),
                clock.instant());
    }

    // ---------------------------------------------------------------- authorisation queries

    /** Whether the signed-in user may change the item's status, note and evidence. */
    public boolean canChange(ItemView item) {
        return CurrentUser.get().map(u -> mayChange(u, item.owner())).orElse(false);
    }

    /** Whether the signed-in user may comment (anyone signed in but a pure viewer). */
    public boolean canComment() {
        return CurrentUser.get().map(ReleaseService::mayComment).orElse(false);
    }

    /** Whether the signed-in user is an ADMIN (creates releases, imports templates, reassigns owners). */
    public boolean canAdminister() {
        return CurrentUser.get().map(u -> u.has(Role.ADMIN)).orElse(false);
    }

    static boolean mayChange(CurrentUser user, Role owner) {
        return user.roles().contains(owner);
    }

    private static boolean mayComment(CurrentUser user) {
        return user.roles().stream().anyMatch(r -> r != Role.VIEWER);
    }

    // ---------------------------------------------------------------- item changes

    /** Sets the item's status; BLOCKED and NOT_APPLICABLE need a reason. Only the owning role may do it. */
    @Transactional
    public ItemView changeStatus(long itemId, ItemStatus status, String reason) {
        CurrentUser user = CurrentUser.require();
        ItemEntity item = itemEntity(itemId);
        requireChange(user, item, "change the status of");
        if (status == null) {
            throw new IllegalArgumentException("status is missing");
        }
        String cleanReason = optionalText(reason, "reason", MAX_REASON);
        if (status.needsReason() && cleanReason == null) {
            throw new IllegalArgumentException("a reason is required to set an item to " + status.label());
        }
        ItemStatus before = item.getStatus();
        String beforeText = statusText(before, item.getReason());
        if (before == status && Objects.equals(item.getReason(), cleanReason)) {
            return toView(item, LocalDate.now(clock));
        }
        item.setStatus(status, cleanReason);
        if (status == ItemStatus.DONE && item.isRegressed()) {
            // A person has looked at the failing check and declared the item done again.
            item.setRegressed(false);
        }
        Instant now = clock.instant();
        item.touch(user.username(), now);
        record(item, user.username(), now, "item.status-changed", beforeText, statusText(status, cleanReason));
        events.publishEvent(statusEvent(item, before, cleanReason, user.username(), now));
        return toView(items.save(item), LocalDate.now(clock));
    }

    /**
     * A system act of the evidence module: a readiness check behind the item started failing. The item is
     * flagged regressed and, if it was done or not applicable, set back to IN_PROGRESS; open, in-progress
     * and blocked items keep their status.
     */
    @Transactional
    public ItemView markRegressed(long itemId, String reason) {
        String cleanReason = requireText(reason, "regression reason", MAX_REASON);
        ItemEntity item = itemEntity(itemId);
        Instant now = clock.instant();
        boolean wasRegressed = item.isRegressed();
        ItemStatus before = item.getStatus();
        if (wasRegressed && !before.isClosed()) {
            return toView(item, LocalDate.now(clock));
        }
        item.setRegressed(true);
        item.touch(SYSTEM_EVIDENCE, now);
        record(item, SYSTEM_EVIDENCE, now, ItemChangeKind.REGRESSED.action(), "", cleanReason);
        events.publishEvent(changeEvent(item, ItemChangeKind.REGRESSED, wasRegressed ? "regressed" : "",
                cleanReason, SYSTEM_EVIDENCE, now));
        if (before.isClosed()) {
            String beforeText = statusText(before, item.getReason());
            item.setStatus(ItemStatus.IN_PROGRESS, cleanReason);
            record(item, SYSTEM_EVIDENCE, now, "item.status-changed", beforeText,
                    statusText(ItemStatus.IN_PROGRESS, cleanReason));
            events.publishEvent(statusEvent(item, before, cleanReason, SYSTEM_EVIDENCE, now));
        }
        return toView(items.save(item), LocalDate.now(clock));
    }

    /** A system act of the evidence module: the check behind a regressed item passes again; the status stays. */
    @Transactional
    public ItemView clearRegressed(long itemId, String reason) {
        String cleanReason = requireText(reason, "reason", MAX_REASON);
        ItemEntity item = itemEntity(itemId);
        if (!item.isRegressed()) {
            return toView(item, LocalDate.now(clock));
        }
        Instant now = clock.instant();
        item.setRegressed(false);
        item.touch(SYSTEM_EVIDENCE, now);
        record(item, SYSTEM_EVIDENCE, now, ItemChangeKind.REGRESSION_CLEARED.action(), "regressed", cleanReason);
        events.publishEvent(changeEvent(item, ItemChangeKind.REGRESSION_CLEARED, "regressed", cleanReason,
                SYSTEM_EVIDENCE, now));
        return toView(items.save(item), LocalDate.now(clock));
    }

    /** Sets the evidence link (http, https or a relative path) and a short summary; owner only. */
    @Transactional
    public ItemView attachEvidence(long itemId, String link, String summary) {
        CurrentUser user = CurrentUser.require();
        ItemEntity item = itemEntity(itemId);
        requireChange(user, item, "attach evidence to");
        String cleanLink = requireLink(link);
        String cleanSummary = optionalText(summary, "evidence summary", MAX_LINK);
        String before = evidenceText(item.getEvidenceLink(), item.getEvidenceSummary());
        item.setEvidence(cleanLink, cleanSummary);
        Instant now = clock.instant();
        item.touch(user.username(), now);
        String after = evidenceText(cleanLink, cleanSummary);
        record(item, user.username(), now, ItemChangeKind.EVIDENCE.action(), before, after);
        events.publishEvent(changeEvent(item, ItemChangeKind.EVIDENCE, before, after, user.username(), now));
        return toView(items.save(item), LocalDate.now(clock));
    }

    /** Sets or clears (blank) the item's note; owner only. */
    @Transactional
    public ItemView setNote(long itemId, String note) {
        CurrentUser user = CurrentUser.require();
        ItemEntity item = itemEntity(itemId);
        requireChange(user, item, "edit the note of");
        String cleanNote = optionalText(note, "note", MAX_TEXT);
        String before = Objects.toString(item.getNote(), "");
        if (before.equals(Objects.toString(cleanNote, ""))) {
            return toView(item, LocalDate.now(clock));
        }
        item.setNote(cleanNote);
        Instant now = clock.instant();
        item.touch(user.username(), now);
        record(item, user.username(), now, ItemChangeKind.NOTE.action(), before, Objects.toString(cleanNote, ""));
        events.publishEvent(changeEvent(item, ItemChangeKind.NOTE, before, Objects.toString(cleanNote, ""),
                user.username(), now));
        return toView(items.save(item), LocalDate.now(clock));
    }

    /** Adds a comment; any signed-in user except a pure VIEWER may comment on any item. */
    @Transactional
    public CommentView addComment(long itemId, String text) {
        CurrentUser user = CurrentUser.require();
        if (!mayComment(user)) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "Viewers can read the board but not comment");
        }
        ItemEntity item = itemEntity(itemId);
        String cleanText = requireText(text, "comment", MAX_TEXT);
        Instant now = clock.instant();
        CommentEntity saved = comments.save(new CommentEntity(item.getId(), user.username(), now, cleanText));
        item.countComment();
        items.save(item);
        record(item, user.username(), now, ItemChangeKind.COMMENT.action(), "", cleanText);
        events.publishEvent(changeEvent(item, ItemChangeKind.COMMENT, "", cleanText, user.username(), now));
        return toView(saved);
    }

    /** Gives the item another owning role (ADMIN only). */
    @Transactional
    public ItemView reassign(long itemId, Role owner) {
        CurrentUser user = requireAdmin("reassign item owners");
        if (owner == null) {
            throw new IllegalArgumentException("owner role is missing");
        }
        if (owner == Role.VIEWER) {
            throw new IllegalArgumentException("a Viewer cannot own an item");
        }
        ItemEntity item = itemEntity(itemId);
        Role before = item.getOwner();
        if (before == owner) {
            return toView(item, LocalDate.now(clock));
        }
        item.setOwner(owner);
        Instant now = clock.instant();
        item.touch(user.username(), now);
        record(item, user.username(), now, ItemChangeKind.OWNER.action(), before.name(), owner.name());
        events.publishEvent(changeEvent(item, ItemChangeKind.OWNER, before.name(), owner.name(), user.username(),
                now));
        return toView(items.save(item), LocalDate.now(clock));
    }

    public List<HistoryEntry> history(long itemId) {
        itemEntity(itemId);
        return history.findByItemIdOrderByIdAsc(itemId).stream()
                .map(h -> new HistoryEntry(h.getItemId(), h.getActor(), h.getOccurredAt(), h.getAction(),
                        h.getBefore(), h.getAfter()))
                .toList();
    }

    public List<CommentView> comments(long itemId) {
        itemEntity(itemId);
        return comments.findByItemIdOrderByIdAsc(itemId).stream().map(ReleaseService::toView).toList();
    }

    /** What the {@link ItemEvidenceProvider}s know about the item; a failing provider is logged and skipped. */
    public List<ItemEvidence> evidence(long itemId) {
        ItemView item = item(itemId);
        List<ItemEvidence> all = new ArrayList<>();
        for (ItemEvidenceProvider provider : evidenceProviders) {
            try {
                all.addAll(provider.evidenceFor(item));
            } catch (RuntimeException e) {
                log.warn("Evidence provider {} failed for item {}", provider.getClass().getSimpleName(), itemId, e);
            }
        }
        return all;
    }

    // ---------------------------------------------------------------- helpers

    private CurrentUser requireAdmin(String what) {
        CurrentUser user = CurrentUser.require();
        if (!user.has(Role.ADMIN)) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "Only an administrator can " + what);
        }
        return user;
    }

    private static void requireChange(CurrentUser user, ItemEntity item, String what) {
        if (!mayChange(user, item.getOwner())) {
            String held = user.roles().isEmpty() ? "no role"
                    : user.roles().stream().map(Role::displayName).sorted().collect(Collectors.joining(", "));
            throw new BusinessException(ErrorCode.FORBIDDEN, "You cannot " + what + " '" + item.getText()
                    + "': it is owned by " + item.getOwner().displayName() + " and you hold " + held);
        }
    }

    private TemplateEntity templateEntity(long templateId) {
        return templates.findById(templateId)
                .orElseThrow(() -> BusinessException.notFound("Checklist template " + templateId + " does not exist"));
    }

    private ReleaseEntity releaseEntity(long releaseId) {
        return releases.findById(releaseId)
                .orElseThrow(() -> BusinessException.notFound("Release " + releaseId + " does not exist"));
    }

    private ItemEntity itemEntity(long itemId) {
        return items.findById(itemId)
                .orElseThrow(() -> BusinessException.notFound("Checklist item " + itemId + " does not exist"));
    }

    private void record(ItemEntity item, String actor, Instant at, String action, String before, String after) {
        history.save(new HistoryEntity(item.getId(), actor, at, action, truncate(before, MAX_TEXT),
                truncate(after, MAX_TEXT)));
    }

    private ItemStatusChanged statusEvent(ItemEntity item, ItemStatus before, String reason, String actor,
                                          Instant at) {
        return new ItemStatusChanged(item.getReleaseId(), item.getId(), item.getPhase(), item.getSection(),
                item.getText(), item.isRequired(), before, item.getStatus(), reason, actor, at);
    }

    private ItemChanged changeEvent(ItemEntity item, ItemChangeKind kind, String before, String after, String actor,
                                    Instant at) {
        return new ItemChanged(item.getReleaseId(), item.getId(), item.getPhase(), item.getSection(),
                item.getText(), item.isRequired(), kind, truncate(before, MAX_TEXT), truncate(after, MAX_TEXT),
                actor, at);
    }

    private String loadDefaultTemplate() {
        try (InputStream in = resources.getResource(properties.defaultTemplate()).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("safespeak.golive.default-template: cannot read "
                    + properties.defaultTemplate(), e);
        }
    }

    private static String statusText(ItemStatus status, String reason) {
        return reason == null ? status.name() : status.name() + ": " + reason;
    }

    private static String evidenceText(String link, String summary) {
        if (link == null) {
            return "";
        }
        return summary == null ? link : link + " (" + summary + ")";
    }

    private static String requireText(String value, String what, int maxChars) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        String clean = value.strip();
        if (clean.length() > maxChars) {
            throw new IllegalArgumentException(what + " has " + clean.length() + " characters, at most " + maxChars
                    + " are allowed");
        }
        return clean;
    }

    private static String optionalText(String value, String what, int maxChars) {
        return value == null || value.isBlank() ? null : requireText(value, what, maxChars);
    }

    static String requireLink(String link) {
        String clean = requireText(link, "evidence link", MAX_LINK);
        try {
            URI uri = new URI(clean);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
            boolean relative = scheme.isEmpty() && clean.startsWith("/");
            if (!web && !relative) {
                throw new IllegalArgumentException("evidence link must be an http(s) URL or a path starting with "
                        + "'/', got '" + truncate(clean, 80) + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("evidence link is not a valid URL: '" + truncate(clean, 80) + "'");
        }
        return clean;
    }

    private static String truncate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    private static Progress progress(List<ItemView> group) {
        return new Progress((int) group.stream().filter(ItemView::closed).count(), group.size());
    }

    private TemplateView toView(TemplateEntity t) {
        Checklist checklist = ChecklistParser.parse(t.getMarkdown());
        return new TemplateView(t.getId(), t.getName(), t.isBuiltIn(), checklist.phases().size(),
                checklist.sectionCount(), checklist.itemCount(), t.getImportedBy(), t.getImportedAt());
    }

    private ReleaseView toView(ReleaseEntity r, List<ItemEntity> releaseItems) {
        int closed = (int) releaseItems.stream().filter(i -> i.getStatus().isClosed()).count();
        return new ReleaseView(r.getId(), r.getName(), r.getVersion(), r.getGoLiveDate(), r.getTemplateId(),
                r.getCreatedBy(), r.getCreatedAt(), new Progress(closed, releaseItems.size()));
    }

    private static ItemView toView(ItemEntity i, LocalDate today) {
        boolean overdue = !i.getStatus().isClosed() && i.getDueDate().isBefore(today);
        return new ItemView(i.getId(), i.getReleaseId(), i.getPhase(), i.getSection(), i.getText(), i.getPosition(),
                i.getOwner(), i.getStatus(), i.getReason(), i.isRequired(), i.getWindow(), i.getDueDate(), overdue,
                i.isRegressed(), i.getNote(), i.getEvidenceLink(), i.getEvidenceSummary(), i.getChangedBy(),
                i.getChangedAt(), i.getCommentCount());
    }

    private static CommentView toView(CommentEntity c) {
        return new CommentView(c.getId(), c.getItemId(), c.getAuthor(), c.getCreatedAt(), c.getText());
    }
}
