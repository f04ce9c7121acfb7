package dev.safespeak.golive;

import static dev.safespeak.golive.GoliveTexts.MAX_NAME;
import static dev.safespeak.golive.GoliveTexts.progress;
import static dev.safespeak.golive.GoliveTexts.requireText;
import static dev.safespeak.golive.GoliveTexts.toView;

import dev.safespeak.base.BusinessException;
import dev.safespeak.golive.internal.Checklist;
import dev.safespeak.golive.internal.ChecklistParser;
import dev.safespeak.golive.internal.ItemEntity;
import dev.safespeak.golive.internal.ItemRepository;
import dev.safespeak.golive.internal.MarkdownExporter;
import dev.safespeak.golive.internal.OwnerMapping;
import dev.safespeak.golive.internal.ReleaseEntity;
import dev.safespeak.golive.internal.ReleaseRepository;
import dev.safespeak.golive.internal.ScheduleRules;
import dev.safespeak.security.CurrentUser;
import dev.safespeak.security.Role;
import dev.safespeak.security.Roles;
import dev.safespeak.security.ServiceAuthorization;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Releases of the go-live board: creating one from a checklist template (ADMIN only), the board of phases,
 * sections and items, the summary and the Markdown export. Reads need no signed-in user so other modules can
 * read the board from background work. Changes to single items go through {@link ReleaseItemService}.
 */
@Service
@HandleAuthorizationDenied(handlerClass = ServiceAuthorization.class)
public class ReleaseService {

    /** Actor recorded for acts of the evidence module's readiness checks. */
    public static final String SYSTEM_EVIDENCE = ReleaseItemService.SYSTEM_EVIDENCE;

    private final ChecklistTemplateService templates;
    private final ReleaseRepository releases;
    private final ItemRepository items;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final OwnerMapping ownerMapping;

    ReleaseService(ChecklistTemplateService templates, ReleaseRepository releases, ItemRepository items,
                   ApplicationEventPublisher events, Clock clock, GoliveProperties properties) {
        this.templates = templates;
        this.releases = releases;
        this.items = items;
        this.events = events;
        this.clock = clock;
        this.ownerMapping = new OwnerMapping(properties.fallbackOwner());
    }

    /** Creates a release with every item of the template (ADMIN only). */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public ReleaseView createRelease(String name, String version, LocalDate goLiveDate, long templateId) {
        return create(name, version, goLiveDate, templateId, CurrentUser.require().username());
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
        Checklist checklist = ChecklistParser.parse(templates.templateMarkdown(templateId));
        Instant now = clock.instant();
        ReleaseEntity release = releases.save(new ReleaseEntity(cleanName, cleanVersion, goLiveDate, templateId,
                actor, now));
        List<ItemEntity> created = new ArrayList<>();
        int position = 0;
        for (Checklist.Phase phase : checklist.phases()) {
            for (Checklist.Section section : phase.sections()) {
                TimelineWindow window = ScheduleRules.window(phase.name(), section.name());
                for (Checklist.Item item : section.items()) {
                    boolean required = ScheduleRules.requiredBeforeApproval(phase.name(), section.name(), item.key());
                    created.add(new ItemEntity(release.getId(), position++, item.key(), phase.name(), section.name(),
                            item.text(), ownerMapping.owner(phase.name(), section.name(), item.key()), required,
                            window, window.dueDate(goLiveDate)));
                }
            }
        }
        items.saveAll(created);
        events.publishEvent(new ReleaseCreated(release.getId(), cleanName, cleanVersion, goLiveDate,
                templateId, created.size(), actor, now));
        return toReleaseView(release, created);
    }

    public List<ReleaseView> releases() {
        return releases.findAllByOrderByGoLiveDateAscIdAsc().stream()
                .map(r -> toReleaseView(r, items.findByReleaseIdOrderByPositionAsc(r.getId())))
                .toList();
    }

    public ReleaseView release(long releaseId) {
        ReleaseEntity release = releaseEntity(releaseId);
        return toReleaseView(release, items.findByReleaseIdOrderByPositionAsc(release.getId()));
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

    /** The release's items in checklist order. */
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
     * The item of the release whose stable key is {@code key} (decision 011), such as {@code load-test}; keys are
     * unique within a release. Empty for an unknown key; never matches by wording.
     */
    public Optional<ItemView> findItemByKey(long releaseId, String key) {
        releaseEntity(releaseId);
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return items.findByReleaseIdAndKey(releaseId, key.strip())
                .map(i -> toView(i, LocalDate.now(clock)));
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
        Checklist layout = ChecklistParser.parse(templates.templateMarkdown(release.getTemplateId()));
        return MarkdownExporter.export(layout, release, items.findByReleaseIdOrderByPositionAsc(releaseId),
                clock.instant());
    }

    /** Whether the signed-in user is an ADMIN (creates releases, imports templates, reassigns owners). */
    public boolean canAdminister() {
        return CurrentUser.get().map(u -> u.has(Role.ADMIN)).orElse(false);
    }

    private ReleaseEntity releaseEntity(long releaseId) {
        return releases.findById(releaseId)
                .orElseThrow(() -> BusinessException.notFound("Release " + releaseId + " does not exist"));
    }

    private static ReleaseView toReleaseView(ReleaseEntity r, List<ItemEntity> releaseItems) {
        int closed = (int) releaseItems.stream().filter(i -> i.getStatus().isClosed()).count();
        return new ReleaseView(r.getId(), r.getName(), r.getVersion(), r.getGoLiveDate(), r.getTemplateId(),
                r.getCreatedBy(), r.getCreatedAt(), new Progress(closed, releaseItems.size()));
    }
}
