package dev.safespeak.golive;

import static dev.safespeak.golive.GoliveTexts.MAX_LINK;
import static dev.safespeak.golive.GoliveTexts.MAX_REASON;
import static dev.safespeak.golive.GoliveTexts.MAX_TEXT;
import static dev.safespeak.golive.GoliveTexts.optionalText;
import static dev.safespeak.golive.GoliveTexts.requireLink;
import static dev.safespeak.golive.GoliveTexts.requireText;
import static dev.safespeak.golive.GoliveTexts.toView;
import static dev.safespeak.golive.GoliveTexts.truncate;

import dev.safespeak.base.BusinessException;
import dev.safespeak.base.ErrorCode;
import dev.safespeak.golive.internal.CommentEntity;
import dev.safespeak.golive.internal.CommentRepository;
import dev.safespeak.golive.internal.HistoryEntity;
import dev.safespeak.golive.internal.HistoryRepository;
import dev.safespeak.golive.internal.ItemEntity;
import dev.safespeak.golive.internal.ItemRepository;
import dev.safespeak.security.CurrentUser;
import dev.safespeak.security.Role;
import dev.safespeak.security.Roles;
import dev.safespeak.security.ServiceAuthorization;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything done to one checklist item of a release: status, note, evidence, comments, owner, the regression
 * flag the readiness checks set, and the item's history. A user changes only items owned by one of their
 * roles, only an ADMIN reassigns owners, a VIEWER reads only. Reads need no signed-in user.
 */
@Service
@HandleAuthorizationDenied(handlerClass = ServiceAuthorization.class)
public class ReleaseItemService {

    /** Actor recorded for acts of the evidence module's readiness checks. */
    public static final String SYSTEM_EVIDENCE = "system:evidence";

    private static final Logger log = LoggerFactory.getLogger(ReleaseItemService.class);

    private final ItemRepository items;
    private final CommentRepository comments;
    private final HistoryRepository history;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<ItemEvidenceProvider> evidenceProviders;

    ReleaseItemService(ItemRepository items, CommentRepository comments, HistoryRepository history,
                       ApplicationEventPublisher events, Clock clock, List<ItemEvidenceProvider> evidenceProviders) {
        this.items = items;
        this.comments = comments;
        this.history = history;
        this.events = events;
        this.clock = clock;
        this.evidenceProviders = List.copyOf(evidenceProviders);
    }

    public ItemView item(long itemId) {
        return toView(itemEntity(itemId), LocalDate.now(clock));
    }

    /** Whether the signed-in user may change the item's status, note and evidence. */
    public boolean canChange(ItemView item) {
        return CurrentUser.get().map(u -> mayChange(u, item.owner())).orElse(false);
    }

    /** Whether the signed-in user may comment (anyone signed in but a pure viewer). */
    public boolean canComment() {
        return CurrentUser.get().map(ReleaseItemService::mayComment).orElse(false);
    }

    /** Whether the signed-in user may give items another owner (ADMIN). */
    public boolean canReassign() {
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
        return commentView(saved);
    }

    /** Gives the item another owning role (ADMIN only). */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public ItemView reassign(long itemId, Role owner) {
        CurrentUser user = CurrentUser.require();
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
        return comments.findByItemIdOrderByIdAsc(itemId).stream().map(ReleaseItemService::commentView).toList();
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

    private static void requireChange(CurrentUser user, ItemEntity item, String what) {
        if (!mayChange(user, item.getOwner())) {
            String held = user.roles().isEmpty() ? "no role"
                    : user.roles().stream().map(Role::displayName).sorted().collect(Collectors.joining(", "));
            throw new BusinessException(ErrorCode.FORBIDDEN, "You cannot " + what + " '" + item.getText()
                    + "': it is owned by " + item.getOwner().displayName() + " and you hold " + held);
        }
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

    private static String statusText(ItemStatus status, String reason) {
        return reason == null ? status.name() : status.name() + ": " + reason;
    }

    private static String evidenceText(String link, String summary) {
        if (link == null) {
            return "";
        }
        return summary == null ? link : link + " (" + summary + ")";
    }
    private static CommentView commentView(CommentEntity c) {
        return new CommentView(c.getId(), c.getItemId(), c.getAuthor(), c.getCreatedAt(), c.getText());
    }
}
