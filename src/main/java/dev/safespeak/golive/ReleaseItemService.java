package dev.safespeak.golive;

import static dev.safespeak.golive.GoliveTexts.MAX_LINK;
import static dev.safespeak.golive.GoliveTexts.MAX_NAME;
import static dev.safespeak.golive.GoliveTexts.MAX_REASON;
import static dev.safespeak.golive.GoliveTexts.MAX_TEXT;
import static dev.safespeak.golive.GoliveTexts.optionalText;
import static dev.safespeak.golive.GoliveTexts.requireLink;
import static dev.safespeak.golive.GoliveTexts.requireText;
import static dev.safespeak.golive.GoliveTexts.toView;
import static dev.safespeak.golive.GoliveTexts.truncate;

import dev.safespeak.base.BusinessException;
import dev.safespeak.base.ErrorCode;
import dev.safespeak.base.Times;
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
import java.util.Optional;
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

    /** Whether the signed-in user may change the item's note and evidence (and its status, see below). */
    public boolean canChange(ItemView item) {
        return CurrentUser.get().map(u -> mayChange(u, item.owner())).orElse(false);
    }

    /**
     * Whether the signed-in user may set the item's status by hand: they may change the item, and its status does
     * not follow the sign-off chain or the go/no-go decision ({@link ItemView#statusFollows()}).
     */
    public boolean canChangeStatus(ItemView item) {
        return canChange(item) && item.statusFollows().isEmpty();
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

    /**
     * Sets the item's status, whatever it is now; BLOCKED and NOT_APPLICABLE need a reason. Only the owning role may
     * do it, and nobody for the items whose status follows the sign-off chain ({@link ItemView#statusFollows()}).
     * For programmatic callers acting on the current state; a page uses {@link #changeStatus(long, ItemStatus,
     * ItemStatus, String)} with the status it showed.
     */
    @Transactional
    public ItemView changeStatus(long itemId, ItemStatus status, String reason) {
        return change(itemId, null, status, reason);
    }

    /**
     * Sets the item's status as {@link #changeStatus(long, ItemStatus, String)} does, but only while it is still
     * {@code seen}, the status the user's page showed: if someone changed it meanwhile, the change is refused
     * (conflict) naming who set it to what, and nothing is overwritten.
     */
    @Transactional
    public ItemView changeStatus(long itemId, ItemStatus seen, ItemStatus status, String reason) {
        if (seen == null) {
            throw new IllegalArgumentException("the status the change was made from is missing");
        }
        return change(itemId, seen, status, reason);
    }

    private ItemView change(long itemId, ItemStatus seen, ItemStatus status, String reason) {
        CurrentUser user = CurrentUser.require();
        ItemEntity item = itemEntity(itemId);
        requireChange(user, item, "change the status of");
        toView(item, LocalDate.now(clock)).statusFollows().ifPresent(why -> {
            throw BusinessException.conflict("'" + item.getText() + "' is not ticked by hand. " + why + ".");
        });
        if (status == null) {
            throw new IllegalArgumentException("status is missing");
        }
        if (seen != null && item.getStatus() != seen) {
            throw changedMeanwhile(item, "item.status-changed", "status", item.getStatus().label());
        }
        String cleanReason = optionalText(reason, "reason", MAX_REASON);
        if (status.needsReason() && cleanReason == null) {
            throw new IllegalArgumentException("a reason is required to set an item to " + status.label());
        }
        return setStatus(item, status, cleanReason, user.username());
    }

    /**
     * Sets the status and reason on behalf of {@code actor}, with its history entry and event; nothing when the item
     * already says so. Done clears a regression: someone has looked at the failing check and declared it done again.
     */
    private ItemView setStatus(ItemEntity item, ItemStatus status, String cleanReason, String actor) {
        ItemStatus before = item.getStatus();
        if (before == status && Objects.equals(item.getReason(), cleanReason)) {
            return toView(item, LocalDate.now(clock));
        }
        String beforeText = statusText(before, item.getReason());
        item.setStatus(status, cleanReason);
        if (status == ItemStatus.DONE && item.isRegressed()) {
            item.setRegressed(false);
        }
        Instant now = clock.instant();
        item.touch(actor, now);
        record(item, actor, now, "item.status-changed", beforeText, statusText(status, cleanReason));
        events.publishEvent(statusEvent(item, before, cleanReason, actor, now));
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

    /** Sets the evidence link (http, https or a relative path) and a short summary, whatever they are now; owner only. */
    @Transactional
    public ItemView attachEvidence(long itemId, String link, String summary) {
        return attachEvidence(itemId, null, link, summary);
    }

    /**
     * Sets the evidence as {@link #attachEvidence(long, String, String)} does, but only while the item's evidence is
     * still {@code seen} (link and summary as the user's page showed them, null for none): if someone changed it
     * meanwhile, the change is refused (conflict) naming who set it to what, and nothing is overwritten.
     */
    @Transactional
    public ItemView attachEvidence(long itemId, Evidence seen, String link, String summary) {
        CurrentUser user = CurrentUser.require();
        ItemEntity item = itemEntity(itemId);
        requireChange(user, item, "attach evidence to");
        if (seen != null && !seen.equals(new Evidence(item.getEvidenceLink(), item.getEvidenceSummary()))) {
            throw changedMeanwhile(item, ItemChangeKind.EVIDENCE.action(), "evidence",
                    quoted(evidenceText(item.getEvidenceLink(), item.getEvidenceSummary())));
        }
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

    /** Sets or clears (blank) the item's note, whatever it is now; owner only. */
    @Transactional
    public ItemView setNote(long itemId, String note) {
        CurrentUser user = CurrentUser.require();
        ItemEntity item = itemEntity(itemId);
        requireChange(user, item, "edit the note of");
        return setNote(user, item, note);
    }

    /**
     * Sets or clears the note as {@link #setNote(long, String)} does, but only while the note is still {@code seen}
     * (as the user's page showed it; blank or null for none): if someone changed it meanwhile, the change is refused
     * (conflict) naming who set it to what, and nothing is overwritten.
     */
    @Transactional
    public ItemView setNote(long itemId, String seen, String note) {
        CurrentUser user = CurrentUser.require();
        ItemEntity item = itemEntity(itemId);
        requireChange(user, item, "edit the note of");
        if (!Objects.toString(seen, "").strip().equals(Objects.toString(item.getNote(), ""))) {
            throw changedMeanwhile(item, ItemChangeKind.NOTE.action(), "note",
                    quoted(Objects.toString(item.getNote(), "")));
        }
        return setNote(user, item, note);
    }

    /** Sets or clears the note; the caller has checked that the user may. */
    private ItemView setNote(CurrentUser user, ItemEntity item, String note) {
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

    /**
     * Gives the item another owning role (ADMIN only), whoever owns it now. The new owner is one of the release
     * roles: never a Viewer, and never Administrator, so that an admin cannot take another role's item over, tick
     * it and hand it back (ADMIN does not tick other roles' items, decision 010).
     */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public ItemView reassign(long itemId, Role owner) {
        return reassign(itemId, null, owner);
    }

    /**
     * Reassigns as {@link #reassign(long, Role)} does, but only while the owner is still {@code seen} (as the
     * admin's page showed it): if someone changed it meanwhile, the change is refused (conflict) naming who.
     */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public ItemView reassign(long itemId, Role seen, Role owner) {
        CurrentUser user = CurrentUser.require();
        if (owner == null) {
            throw new IllegalArgumentException("owner role is missing");
        }
        if (owner == Role.VIEWER) {
            throw new IllegalArgumentException("a Viewer cannot own an item");
        }
        ItemEntity item = itemEntity(itemId);
        Role before = item.getOwner();
        if (seen != null && before != seen) {
            throw changedMeanwhile(item, ItemChangeKind.OWNER.action(), "owner", before.displayName());
        }
        if (before == owner) {
            return toView(item, LocalDate.now(clock));
        }
        if (owner == Role.ADMIN) {
            throw new IllegalArgumentException("an item is owned by one of the release roles, not by "
                    + Role.ADMIN.displayName() + ": an administrator reassigns items but does not tick them");
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

    /** What an item that follows the sign-off chain should say now: its status and the reason. */
    public record Follow(ItemStatus status, String reason) {
    }

    /**
     * A system act of the signoff module: sets an item whose status follows the sign-off chain or the go/no-go
     * decision ({@link ItemView#statusFollows()}) to what {@code chain} says, on behalf of {@code actor}, the user
     * whose sign-off, rejection, decision or item change moved it; nothing when the item already says so. The chain
     * is read only once the item is locked: two events about one slot handled at once (a sign-off and its
     * invalidation) then take turns, and the later one reads the chain as the earlier one left it. A release without
     * an item of this key (an imported checklist) gives empty; an item with this key that does not follow the chain
     * (a custom checklist that put the key elsewhere) is left alone with a warning, so the event is not retried
     * forever.
     *
     * @return the item, empty when it was left alone or the release has no such item
     */
    @Transactional
    public Optional<ItemView> followSignOff(long releaseId, String itemKey,
                                            java.util.function.Supplier<Follow> chain, String actor) {
        String cleanActor = requireText(actor, "actor", MAX_NAME);
        Optional<ItemEntity> found = items.lockByReleaseIdAndKey(releaseId, itemKey);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ItemEntity item = found.get();
        LocalDate today = LocalDate.now(clock);
        if (toView(item, today).statusFollows().isEmpty()) {
            log.warn("Release {}: item '{}' is not in a section recorded by the sign-off chain, so the chain does not "
                    + "set its status", releaseId, itemKey);
            return Optional.empty();
        }
        Follow target = chain.get();
        String cleanReason = target.reason() == null || target.reason().isBlank() ? null
                : truncate(target.reason().strip(), MAX_REASON);
        return Optional.of(setStatus(item, target.status(), cleanReason, cleanActor));
    }

    /** An item's evidence as a page showed it: link and summary, null for none. */
    public record Evidence(String link, String summary) {

        /** Blank texts, as empty form fields give them, stand for none. */
        public Evidence {
            link = link == null || link.isBlank() ? null : link.strip();
            summary = summary == null || summary.isBlank() ? null : summary.strip();
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The refusal of a change made from a page that showed the item before someone else changed it: names who
     * changed what to what, and when, so the user can decide again on the current state.
     */
    private ItemChangedMeanwhile changedMeanwhile(ItemEntity item, String action, String what, String now) {
        String who = history.findFirstByItemIdAndActionOrderByIdDesc(item.getId(), action)
                .map(h -> h.getActor() + " set its " + what + " to " + now + " at " + Times.minuteUtc(h.getOccurredAt()))
                .orElse("its " + what + " is now " + now);
        return new ItemChangedMeanwhile("'" + item.getText() + "' changed while you were looking at it: " + who
                + ". Nothing was changed; the item now shows its current state.");
    }

    private static String quoted(String text) {
        return text.isEmpty() ? "nothing" : "'" + truncate(text, 200) + "'";
    }

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
