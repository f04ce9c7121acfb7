package dev.safespeak.golive.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import dev.safespeak.base.BusinessException;
import dev.safespeak.base.ui.Messages;
import dev.safespeak.golive.BoardView;
import dev.safespeak.golive.ItemCheckOutcome;
import dev.safespeak.golive.ItemChangedMeanwhile;
import dev.safespeak.golive.ItemCheckRunner;
import dev.safespeak.golive.ItemStatus;
import dev.safespeak.golive.ItemView;
import dev.safespeak.golive.Progress;
import dev.safespeak.golive.RegressionNoticeService;
import dev.safespeak.golive.ReleaseItemService;
import dev.safespeak.golive.ReleaseService;
import dev.safespeak.security.CurrentUser;
import dev.safespeak.security.Role;
import elemental.json.JsonType;
import elemental.json.JsonValue;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One release's board: phases, sections and items with progress bars, filters, an inline status
 * select on each row (enabled only where the user may change the item) and an item detail dialog.
 * Changes made elsewhere arrive through {@link BoardBroadcaster} and server push.
 */
@Route("releases/:releaseId")
@PermitAll
class ReleaseBoardView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    private final ReleaseService service;
    private final ReleaseItemService releaseItems;
    private final BoardBroadcaster broadcaster;
    private final List<ItemCheckRunner> checkRunners;
    private final RegressionNoticeService regressionNotices;
    private Registration pushRegistration;
    private long releaseId = -1;
    private BoardView board;

    final H2 title = new H2();
    final Span subtitle = new Span();
    final ProgressBar releaseBar = new ProgressBar(0, 1);
    final Span releaseProgress = new Span();
    final Checkbox mine = new Checkbox("My items");
    final Select<Role> role = new Select<>();
    final Select<ItemStatus> status = new Select<>();
    final Checkbox overdue = new Checkbox("Overdue");
    final Checkbox blocked = new Checkbox("Blocked");
    final VerticalLayout content = new VerticalLayout();
    final Map<String, ProgressBar> phaseBars = new LinkedHashMap<>();
    final Map<String, ProgressBar> sectionBars = new LinkedHashMap<>();
    final Map<Long, ItemRow> rows = new LinkedHashMap<>();
    private final Map<String, Span> phaseTexts = new LinkedHashMap<>();
    private final Map<String, Span> sectionTexts = new LinkedHashMap<>();
    private final HorizontalLayout exportSlot = new HorizontalLayout();
    ItemDetailDialog detail;
    private boolean applyingUrl;
    private boolean leaving;
    DoneConfirmDialog confirmDone;

    /** The Details button a click in the board landed on, if any (a row's buttons are HTML, see {@link ItemRow}). */
    static final String DETAILS_BUTTON = "event.target.closest('.board-item-details')";
    /** The item id that the clicked Details button carries. */
    static final String DETAILS_ITEM = DETAILS_BUTTON + ".dataset.item";

    ReleaseBoardView(ReleaseService service, ReleaseItemService releaseItems, BoardBroadcaster broadcaster,
                     List<ItemCheckRunner> checkRunners, RegressionNoticeService regressionNotices) {
        this.service = service;
        this.regressionNotices = regressionNotices;
        this.releaseItems = releaseItems;
        this.broadcaster = broadcaster;
        this.checkRunners = checkRunners;
        setWidthFull();
        title.getStyle().set("margin", "0");
        releaseBar.setWidth("20em");
        releaseBar.setId("release-progress");
        HorizontalLayout progressLine = new HorizontalLayout(releaseBar, releaseProgress, exportSlot);
        progressLine.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        mine.setId("filter-mine");
        role.setId("filter-role");
        role.setPlaceholder("Any role");
        role.setLabel("Owner");
        role.setEmptySelectionAllowed(true);
        role.setEmptySelectionCaption("Any role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> r == null ? "Any role" : r.displayName());
        status.setId("filter-status");
        status.setLabel("Status");
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any status");
        status.setItems(ItemStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "Any status" : s.label());
        overdue.setId("filter-overdue");
        blocked.setId("filter-blocked");
        mine.addValueChangeListener(e -> filtersChanged());
        role.addValueChangeListener(e -> filtersChanged());
        status.addValueChangeListener(e -> filtersChanged());
        overdue.addValueChangeListener(e -> filtersChanged());
        blocked.addValueChangeListener(e -> filtersChanged());
        HorizontalLayout filters = new HorizontalLayout(mine, role, status, overdue, blocked);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        content.setPadding(false);
        content.setSpacing(false);
        // One listener for the Details buttons of every row, sent only for clicks on such a button.
        content.getElement().addEventListener("click", e -> detailsClicked(e.getEventData().get(DETAILS_ITEM)))
                .setFilter(DETAILS_BUTTON + " !== null")
                .addEventData(DETAILS_ITEM);
        add(title, subtitle, progressLine, filters, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long wanted = event.getRouteParameters().getLong("releaseId").orElse(-1L);
        if (wanted != releaseId && pushRegistration != null) {
            // The same view instance shows another release: listen to that one instead.
            pushRegistration.remove();
            pushRegistration = broadcaster.register(wanted, event.getUI(), this::refresh);
        }
        releaseId = wanted;
        leaving = false;
        QueryParameters query = event.getLocation().getQueryParameters();
        // Filters and the open item come from the address, so a reload or Back shows the board as it was left.
        applyingUrl = true;
        try {
            mine.setValue(flag(query, "mine"));
            role.setValue(parse(query, "owner", Role.values()));
            status.setValue(parse(query, "status", ItemStatus.values()));
            overdue.setValue(flag(query, "overdue"));
            blocked.setValue(flag(query, "blocked"));
        } finally {
            applyingUrl = false;
        }
        refresh();
        Long wantedItem = query.getSingleParameter("item").flatMap(ReleaseBoardView::number).orElse(null);
        if (wantedItem == null) {
            if (detail != null && detail.isOpened()) {
                applyingUrl = true;
                detail.close();
                applyingUrl = false;
            }
        } else if (board != null && board.items().stream().anyMatch(i -> i.id() == wantedItem)
                && (detail == null || !detail.isOpened() || detail.itemId() != wantedItem)) {
            applyingUrl = true;
            openDetail(wantedItem);
            applyingUrl = false;
        }
    }

    private void filtersChanged() {
        if (applyingUrl) {
            return; // beforeEnter sets every filter from the address, then draws the board once
        }
        render();
        updateUrl();
    }

    /**
     * The board's state as query parameters: {@code item} (the open item's id), {@code mine}, {@code owner} and
     * {@code status} (lower case with dashes: {@code qa-lead}, {@code in-progress}), {@code overdue}, {@code blocked}.
     */
    QueryParameters queryParameters() {
        Map<String, String> query = new LinkedHashMap<>();
        if (detail != null && detail.isOpened()) {
            query.put("item", String.valueOf(detail.itemId()));
        }
        if (mine.getValue()) {
            query.put("mine", "true");
        }
        if (role.getValue() != null) {
            query.put("owner", slug(role.getValue()));
        }
        if (status.getValue() != null) {
            query.put("status", slug(status.getValue()));
        }
        if (overdue.getValue()) {
            query.put("overdue", "true");
        }
        if (blocked.getValue()) {
            query.put("blocked", "true");
        }
        return QueryParameters.simple(query);
    }

    /** Puts the board's state into the address bar without a reload or a new history entry. */
    private void updateUrl() {
        if (applyingUrl || leaving || releaseId < 0) {
            return;
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("releases/" + releaseId, queryParameters())));
    }

    static String slug(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static boolean flag(QueryParameters query, String name) {
        return query.getSingleParameter(name).map("true"::equalsIgnoreCase).orElse(false);
    }

    /** The constant whose {@link #slug} the parameter holds; none for a missing or unknown value. */
    private static <E extends Enum<E>> E parse(QueryParameters query, String name, E[] values) {
        String wanted = query.getSingleParameter(name).orElse("");
        return Arrays.stream(values).filter(v -> slug(v).equalsIgnoreCase(wanted)).findFirst().orElse(null);
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return board == null ? "Release board | SafeSpeak"
                : board.release().name() + " " + board.release().version() + " | SafeSpeak";
    }

    /** Reloads the board from the service and redraws it with the current filters. */
    void refresh() {
        try {
            board = service.board(releaseId);
        } catch (BusinessException e) {
            board = null;
            title.setText("Release not found");
            subtitle.setText(e.getMessage());
            // Nothing of the previous release stays reachable: a forged Details click finds no row to open.
            rows.values().forEach(ItemRow::closeDialogs);
            clearContent();
            return;
        }
        var release = board.release();
        title.setText(release.name() + " " + release.version());
        subtitle.setText("Go-live " + release.goLiveDate() + " · created by " + release.createdBy());
        setProgress(releaseBar, release.progress());
        releaseProgress.setText(release.progress() + " done (" + release.progress().percent() + "%)");
        if (exportSlot.getComponentCount() == 0) {
            long id = releaseId;
            String fileName = ReleasesView.fileName(release);
            Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
                byte[] bytes = service.exportMarkdown(id).getBytes(StandardCharsets.UTF_8);
                return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "text/markdown", bytes.length);
            }), "Export Markdown");
            export.setId("board-export");
            exportSlot.add(export);
        }
        render();
        if (detail != null && detail.isOpened()) {
            detail.refresh();
        }
    }

    /** Empties the board's content and forgets its rows, bars and progress texts. */
    private void clearContent() {
        content.removeAll();
        phaseBars.clear();
        sectionBars.clear();
        phaseTexts.clear();
        sectionTexts.clear();
        rows.clear();
    }

    private Predicate<ItemView> filter() {
        Set<Role> myRoles = CurrentUser.get().map(CurrentUser::roles).orElse(Set.of());
        Predicate<ItemView> p = i -> true;
        if (mine.getValue()) {
            p = p.and(i -> myRoles.contains(i.owner()));
        }
        if (role.getValue() != null) {
            Role wanted = role.getValue();
            p = p.and(i -> i.owner() == wanted);
        }
        if (status.getValue() != null) {
            ItemStatus wanted = status.getValue();
            p = p.and(i -> i.status() == wanted);
        }
        if (overdue.getValue()) {
            p = p.and(ItemView::overdue);
        }
        if (blocked.getValue()) {
            p = p.and(i -> i.status() == ItemStatus.BLOCKED);
        }
        return p;
    }

    /**
     * Draws the board. When it shows the same items as before (a status change elsewhere, pushed here), only the rows
     * whose item changed are replaced and the progress updated: redrawing all 126 rows for one change made every
     * pushed update a large message that took the other browsers seconds to apply (issue 2 asks for one second).
     */
    private void render() {
        if (board == null) {
            return;
        }
        Predicate<ItemView> filter = filter();
        List<ItemView> shownItems = board.items().stream().filter(filter).toList();
        if (!rows.isEmpty() && shownItems.stream().map(ItemView::id).toList().equals(List.copyOf(rows.keySet()))) {
            update(shownItems);
            return;
        }
        clearContent();
        for (BoardView.Phase phase : board.phases()) {
            Div phaseBox = new Div();
            phaseBox.setWidthFull();
            boolean phaseShown = false;
            H3 phaseTitle = new H3(phase.name());
            Span window = new Span(phase.window().label() + " · " + phase.progress() + " done");
            window.getStyle().set("color", "var(--lumo-secondary-text-color)");
            ProgressBar phaseBar = bar(phase.progress());
            phaseBars.put(phase.name(), phaseBar);
            phaseTexts.put(phase.name(), window);
            phaseBox.add(phaseTitle, window, phaseBar);
            for (BoardView.Section section : phase.sections()) {
                List<ItemView> shown = section.items().stream().filter(filter).toList();
                if (shown.isEmpty()) {
                    continue;
                }
                phaseShown = true;
                H4 sectionTitle = new H4(section.name());
                sectionTitle.getStyle().set("margin-bottom", "0");
                Span meta = new Span(sectionText(section));
                sectionTexts.put(phase.name() + "/" + section.name(), meta);
                meta.getStyle().set("font-size", "var(--lumo-font-size-s)")
                        .set("color", "var(--lumo-secondary-text-color)");
                ProgressBar sectionBar = bar(section.progress());
                sectionBars.put(section.name(), sectionBar);
                phaseBox.add(sectionTitle, meta, sectionBar);
                for (ItemView item : shown) {
                    ItemRow row = new ItemRow(item, releaseItems.canChangeStatus(item), this);
                    rows.put(item.id(), row);
                    phaseBox.add(row);
                }
            }
            if (phaseShown) {
                content.add(phaseBox);
            }
        }
        if (rows.isEmpty()) {
            Span none = new Span("No items match the filters.");
            none.setId("no-items");
            content.add(none);
        }
    }

    private static String sectionText(BoardView.Section section) {
        return section.progress() + " done · default owner " + section.defaultOwner().displayName()
                + (section.requiredBeforeApproval() ? "" : " · " + section.requirement().label());
    }

    /** Replaces the rows whose item changed, in place, and updates every progress bar and its text. */
    private void update(List<ItemView> shownItems) {
        for (ItemView item : shownItems) {
            ItemRow old = rows.get(item.id());
            if (old.item.equals(item)) {
                continue;
            }
            ItemRow row = new ItemRow(item, releaseItems.canChangeStatus(item), this);
            var parent = old.getElement().getParent();
            parent.setChild(parent.indexOfChild(old.getElement()), row.getElement());
            rows.put(item.id(), row);
        }
        for (BoardView.Phase phase : board.phases()) {
            ProgressBar phaseBar = phaseBars.get(phase.name());
            if (phaseBar != null) {
                setProgress(phaseBar, phase.progress());
                phaseTexts.get(phase.name()).setText(phase.window().label() + " · " + phase.progress() + " done");
            }
            for (BoardView.Section section : phase.sections()) {
                Span meta = sectionTexts.get(phase.name() + "/" + section.name());
                if (meta != null) {
                    setProgress(sectionBars.get(section.name()), section.progress());
                    meta.setText(sectionText(section));
                }
            }
        }
    }

    private static ProgressBar bar(Progress progress) {
        ProgressBar bar = new ProgressBar(0, 1);
        setProgress(bar, progress);
        bar.setWidthFull();
        return bar;
    }

    private static void setProgress(ProgressBar bar, Progress progress) {
        bar.setValue(progress.fraction());
        bar.getElement().setAttribute("title", progress + " done");
    }

    /**
     * Called by a row when its status select changes. Done while a check bound to the item failed in its last run
     * first asks ({@link DoneConfirmDialog}); a refusal is shown and the row goes back to the server's status.
     */
    void changeStatus(ItemView item, ItemStatus next, String reason) {
        if (next == ItemStatus.DONE) {
            for (ItemCheckRunner runner : checkRunners) {
                List<ItemCheckOutcome> failing = runner.latestRuns(item).stream().filter(r -> !r.passed()).toList();
                if (!failing.isEmpty()) {
                    confirmDone = new DoneConfirmDialog(item, failing, runner,
                            () -> changeStatus(item, ItemStatus.DONE, null, true),
                            () -> {
                                ItemRow.notifyDone(Messages.get("board.done-confirm.marked"));
                                refresh();
                            },
                            () -> revert(item));
                    confirmDone.open();
                    return;
                }
            }
        }
        changeStatus(item, next, reason, true);
    }

    /**
     * Sends a status change made from {@code item}, the item as the row showed it: the service refuses it if the
     * item's status changed meanwhile ({@link ItemChangedMeanwhile}), which is always told in a notification, and the
     * row then shows the item as it is now. Another refusal is shown as a notification when {@code notify} is set, and
     * the row goes back to the server's status; the message is returned so that a dialog can show it next to its field
     * instead.
     *
     * @return null when the change was accepted or refused because the item had changed meanwhile (a dialog asking
     *         for the change has nothing left to ask), else why it was refused
     */
    String changeStatus(ItemView item, ItemStatus next, String reason, boolean notify) {
        String refused = null;
        try {
            releaseItems.changeStatus(item.id(), item.status(), next, reason);
        } catch (ItemChangedMeanwhile e) {
            // Somebody else changed the item since this row was drawn: nothing was overwritten; say who, show theirs.
            ItemRow.notifyError(e.getMessage());
            revert(item);
        } catch (BusinessException | IllegalArgumentException e) {
            refused = e.getMessage();
            if (notify) {
                ItemRow.notifyError(refused);
            }
            // The item did not change, so refresh keeps its row: put the select back to what the server has.
            revert(item);
        }
        refresh();
        return refused;
    }

    private void revert(ItemView item) {
        ItemRow row = rows.get(item.id());
        if (row != null) {
            row.revert();
        }
    }

    void openDetail(ItemView item) {
        openDetail(item.id());
    }

    /** Opens the row whose Details button was clicked; an id that is not a row shown here (a forged event) is ignored. */
    private void detailsClicked(JsonValue itemId) {
        if (itemId != null && itemId.getType() == JsonType.STRING) {
            number(itemId.asString()).map(rows::get).ifPresent(row -> openDetail(row.item));
        }
    }

    private void openDetail(long itemId) {
        if (detail != null && detail.isOpened()) {
            detail.close();
        }
        detail = new ItemDetailDialog(releaseItems, checkRunners, itemId, this::refresh);
        detail.addOpenedChangeListener(e -> updateUrl());
        detail.open();
        updateUrl();
        // Opening the item is seeing its regression: the notice above the page forgets it.
        regressionNotices.markSeen(itemId);
        getUI().ifPresent(ui -> ComponentUtil.fireEvent(ui, new RegressionBanner.ItemSeen(ui)));
    }

    long releaseId() {
        return releaseId;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (pushRegistration == null) {
            pushRegistration = broadcaster.register(releaseId, attachEvent.getUI(), this::refresh);
        }
    }

    /** Leaving the board (Back, a link) closes its dialogs instead of leaving them over the next page. */
    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        // The address bar already shows (or is about to show) the next page: the board's entry keeps its state.
        leaving = true;
        if (detail != null) {
            detail.close();
        }
        if (confirmDone != null) {
            confirmDone.close();
        }
        rows.values().forEach(ItemRow::closeDialogs);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (pushRegistration != null) {
            pushRegistration.remove();
            pushRegistration = null;
        }
        super.onDetach(detachEvent);
    }
}
