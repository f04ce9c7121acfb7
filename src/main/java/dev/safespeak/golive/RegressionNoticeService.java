package dev.safespeak.golive;

import static dev.safespeak.golive.GoliveTexts.toView;

import dev.safespeak.golive.internal.HistoryEntity;
import dev.safespeak.golive.internal.HistoryRepository;
import dev.safespeak.golive.internal.ItemRepository;
import dev.safespeak.golive.internal.RegressionSeenEntity;
import dev.safespeak.golive.internal.RegressionSeenRepository;
import dev.safespeak.golive.internal.ReleaseRepository;
import dev.safespeak.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the owners of an item that the readiness checks found it regressed (and, if it was done, set it back to In
 * progress): each signed-in user sees the regressions of the items their roles own until they open the item or
 * dismiss the notice. What a user has seen is stored per item as the time they last saw it, so a later regression of
 * the same item is shown again.
 */
@Service
public class RegressionNoticeService {

    private final HistoryRepository history;
    private final ItemRepository items;
    private final ReleaseRepository releases;
    private final RegressionSeenRepository seen;
    private final Clock clock;

    RegressionNoticeService(HistoryRepository history, ItemRepository items, ReleaseRepository releases,
                            RegressionSeenRepository seen, Clock clock) {
        this.history = history;
        this.items = items;
        this.releases = releases;
        this.seen = seen;
        this.clock = clock;
    }

    /**
     * The signed-in user's items that regressed since the user last saw them, newest regression first, one notice
     * per item; empty for a user who owns nothing or is not signed in.
     */
    @Transactional(readOnly = true)
    public List<RegressionNotice> unseen() {
        CurrentUser user = CurrentUser.get().orElse(null);
        if (user == null || user.roles().isEmpty()) {
            return List.of();
        }
        Map<Long, HistoryEntity> newest = new LinkedHashMap<>();
        for (HistoryEntity h : history.findByActionOnItemsOwnedBy(ItemChangeKind.REGRESSED.action(), user.roles())) {
            newest.putIfAbsent(h.getItemId(), h);
        }
        if (newest.isEmpty()) {
            return List.of();
        }
        Map<Long, Instant> seenAt = seen.findByUsernameAndItemIdIn(user.username(), newest.keySet()).stream()
                .collect(Collectors.toMap(RegressionSeenEntity::getItemId, RegressionSeenEntity::getSeenAt));
        LocalDate today = LocalDate.now(clock);
        List<RegressionNotice> notices = new ArrayList<>();
        for (HistoryEntity h : newest.values()) {
            Instant lastSeen = seenAt.get(h.getItemId());
            if (lastSeen != null && !h.getOccurredAt().isAfter(lastSeen)) {
                continue;
            }
            items.findById(h.getItemId()).ifPresent(item -> notices.add(new RegressionNotice(toView(item, today),
                    releases.findById(item.getReleaseId()).map(r -> r.getName() + " " + r.getVersion()).orElse(""),
                    h.getOccurredAt(), h.getAfter())));
        }
        return notices;
    }

    /** The signed-in user has seen the item now (opened it, or dismissed its notice); nothing when not signed in. */
    @Transactional
    public void markSeen(long itemId) {
        markSeen(List.of(itemId));
    }

    /** {@link #markSeen(long)} for several items at once, as when the user dismisses the notice. */
    @Transactional
    public void markSeen(Collection<Long> itemIds) {
        CurrentUser user = CurrentUser.get().orElse(null);
        if (user == null || itemIds.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<Long, RegressionSeenEntity> known = seen.findByUsernameAndItemIdIn(user.username(), itemIds).stream()
                .collect(Collectors.toMap(RegressionSeenEntity::getItemId, Function.identity()));
        for (long itemId : itemIds) {
            RegressionSeenEntity entry = known.get(itemId);
            if (entry != null) {
                entry.seenAgain(now);
            } else if (history.existsByItemIdAndAction(itemId, ItemChangeKind.REGRESSED.action())) {
                // Only items that ever regressed are remembered: opening any other item stores nothing.
                seen.save(new RegressionSeenEntity(user.username(), itemId, now));
            }
        }
    }
}
