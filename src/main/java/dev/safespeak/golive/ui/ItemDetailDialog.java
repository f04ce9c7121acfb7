package dev.safespeak.golive.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.safespeak.base.BusinessException;
import dev.safespeak.base.Times;
import dev.safespeak.golive.CommentView;
import dev.safespeak.golive.HistoryEntry;
import dev.safespeak.golive.ItemChangedMeanwhile;
import dev.safespeak.golive.ItemCheckOutcome;
import dev.safespeak.golive.ItemCheckRunner;
import dev.safespeak.golive.ItemEvidence;
import dev.safespeak.golive.ItemStatus;
import dev.safespeak.golive.ItemView;
import dev.safespeak.golive.ReleaseItemService;
import dev.safespeak.security.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An item's detail: status and reason, owner (an admin reassigns it here), due date, note, evidence
 * link, what evidence providers report, the automated checks bound to the item (run on demand by the owner or an
 * admin, and the owner marks the item done with a passing run as evidence), comments and the full history.
 */
class ItemDetailDialog extends Dialog {

    private final ReleaseItemService releaseItems;
    private final List<ItemCheckRunner> checkRunners;
    private final long itemId;
    private final Runnable onChange;
    private final VerticalLayout body = new VerticalLayout();

    Select<Role> owner;
    TextArea note;
    Button saveNote;
    TextField evidenceLink;
    TextField evidenceSummary;
    Button saveEvidence;
    HorizontalLayout evidenceForm;
    TextArea comment;
    Button addComment;
    final VerticalLayout history = new VerticalLayout();
    final VerticalLayout comments = new VerticalLayout();
    final VerticalLayout evidence = new VerticalLayout();
    /** Says that the item changed while the user was editing fields they have not saved; hidden otherwise. */
    Span changedMeanwhile;
    /** Says why the status is not set here, for the items the sign-off chain records; null for other items. */
    Span statusFollows;
    /** The saved note the note field's text started from: what a save expects the note still to be. */
    private String noteBase;
    /** The saved evidence the evidence fields' texts started from. */
    private ReleaseItemService.Evidence evidenceBase;
    Button runChecks;
    Button doneWithChecks;
    final VerticalLayout checkResults = new VerticalLayout();
    private final List<ItemCheckOutcome> lastRun = new ArrayList<>();

    ItemDetailDialog(ReleaseItemService releaseItems, List<ItemCheckRunner> checkRunners, long itemId, Runnable onChange) {
        this.releaseItems = releaseItems;
        this.checkRunners = checkRunners;
        this.itemId = itemId;
        this.onChange = onChange;
        setId("item-detail");
        setWidth("48em");
        body.setPadding(false);
        add(body);
        getFooter().add(new Button("Close", e -> close()));
        refresh();
    }

    long itemId() {
        return itemId;
    }

    /**
     * Redraws the dialog from the service. What the user typed and has not saved (note, evidence link and summary, a
     * new comment) is kept: a change anywhere on the release redraws open dialogs, and must not throw typing away.
     * When the saved value under such a field changed meanwhile, the typed text stays and a notice says so; saving it
     * is then refused once, naming who changed what ({@link ItemChangedMeanwhile}), and a second save replaces it.
     */
    void refresh() {
        String typing = comment == null ? "" : comment.getValue();
        ItemView item = releaseItems.item(itemId);
        String savedNote = Objects.toString(item.note(), "");
        ReleaseItemService.Evidence savedEvidence = evidenceOf(item);
        // Unsaved: the field's text differs from the saved value it started from and from the saved value now.
        String typedNote = note == null ? null : note.getValue();
        boolean noteUnsaved = typedNote != null && !typedNote.strip().equals(noteBase)
                && !typedNote.strip().equals(savedNote);
        ReleaseItemService.Evidence typedEvidence = evidenceLink == null ? null
                : new ReleaseItemService.Evidence(evidenceLink.getValue(), evidenceSummary.getValue());
        String typedLink = evidenceLink == null ? null : evidenceLink.getValue();
        String typedSummary = evidenceSummary == null ? null : evidenceSummary.getValue();
        boolean evidenceUnsaved = typedEvidence != null && !typedEvidence.equals(evidenceBase)
                && !typedEvidence.equals(savedEvidence);
        List<String> changedUnderTyping = new ArrayList<>();
        if (noteUnsaved && !savedNote.equals(noteBase)) {
            changedUnderTyping.add("the note");
        }
        if (evidenceUnsaved && !savedEvidence.equals(evidenceBase)) {
            changedUnderTyping.add("the evidence");
        }
        if (!noteUnsaved) {
            noteBase = savedNote;
        }
        if (!evidenceUnsaved) {
            evidenceBase = savedEvidence;
        }
        boolean canChange = releaseItems.canChange(item);
        body.removeAll();
        setHeaderTitle(item.text());

        // Not named here: the item's last change may be another field's, by someone else. Saving names who changed it.
        changedMeanwhile = new Span(changedUnderTyping.isEmpty() ? "" : "While you were editing, someone else changed "
                + String.join(" and ", changedUnderTyping) + " of this item. What you typed is kept below and not "
                + "saved yet; saving says who changed it and to what.");
        changedMeanwhile.setId("detail-changed-meanwhile");
        changedMeanwhile.getElement().getThemeList().add("badge contrast");
        changedMeanwhile.getStyle().set("white-space", "normal");
        changedMeanwhile.setVisible(!changedUnderTyping.isEmpty());
        body.add(changedMeanwhile);

        body.add(line("Section", item.phase() + " / " + item.section()));
        body.add(line("Status", item.status().label() + (item.reason() == null ? "" : " — " + item.reason())
                + (item.regressed() ? " (regressed: a readiness check is failing)" : "")));
        statusFollows = item.statusFollows().map(why -> {
            Span follows = new Span(why + ".");
            follows.setId("detail-status-follows");
            follows.getStyle().set("color", "var(--lumo-secondary-text-color)");
            return follows;
        }).orElse(null);
        if (statusFollows != null) {
            body.add(statusFollows);
        }
        body.add(line("Due", item.dueDate() + " (" + item.window().label() + ")" + (item.overdue() ? " — overdue" : "")
                + (item.requiredBeforeApproval() ? "" : " — " + item.requirement().label())));
        if (item.changedBy() != null) {
            body.add(line("Last change", item.changedBy() + ", " + Times.minuteUtc(item.changedAt())));
        }

        owner = new Select<>();
        owner.setId("detail-owner");
        owner.setLabel("Owner");
        // The release roles; Administrator only to show an item it owns (fallback owner), never to take one over.
        owner.setItems(Arrays.stream(Role.values())
                .filter(r -> r != Role.VIEWER && (r != Role.ADMIN || item.owner() == Role.ADMIN)).toList());
        owner.setItemLabelGenerator(Role::displayName);
        owner.setValue(item.owner());
        owner.setReadOnly(!releaseItems.canReassign());
        owner.addValueChangeListener(e -> {
            if (e.getValue() != null && e.getValue() != item.owner()) {
                act(() -> releaseItems.reassign(itemId, item.owner(), e.getValue()), "Owner changed");
            }
        });
        body.add(owner);

        note = new TextArea("Note");
        note.setId("detail-note");
        note.setWidthFull();
        note.setValue(noteUnsaved ? typedNote : savedNote);
        note.setReadOnly(!canChange);
        saveNote = new Button("Save note", e -> act(() -> releaseItems.setNote(itemId, noteBase, note.getValue()),
                "Note saved", () -> { }, () -> noteBase = Objects.toString(releaseItems.item(itemId).note(), "")));
        saveNote.setId("detail-save-note");
        saveNote.setVisible(canChange);
        body.add(note, saveNote);

        evidenceLink = new TextField("Evidence link");
        evidenceLink.setId("detail-evidence-link");
        evidenceLink.setValue(evidenceUnsaved ? typedLink : Objects.toString(item.evidenceLink(), ""));
        evidenceLink.setWidth("20em");
        evidenceLink.setMaxWidth("100%");
        evidenceLink.setReadOnly(!canChange);
        evidenceSummary = new TextField("Evidence summary");
        evidenceSummary.setId("detail-evidence-summary");
        evidenceSummary.setValue(evidenceUnsaved ? typedSummary : Objects.toString(item.evidenceSummary(), ""));
        evidenceSummary.setMaxWidth("100%");
        evidenceSummary.setReadOnly(!canChange);
        saveEvidence = new Button("Attach evidence", e -> act(() -> releaseItems.attachEvidence(itemId, evidenceBase,
                evidenceLink.getValue(), evidenceSummary.getValue()), "Evidence attached", () -> { },
                () -> evidenceBase = evidenceOf(releaseItems.item(itemId))));
        saveEvidence.setId("detail-save-evidence");
        saveEvidence.setVisible(canChange);
        evidenceForm = new HorizontalLayout(evidenceLink, evidenceSummary, saveEvidence);
        evidenceForm.setId("detail-evidence-form");
        // Wraps on a phone so the summary and the button stay inside the dialog instead of running off its edge.
        evidenceForm.setWidthFull();
        evidenceForm.setWrap(true);
        evidenceForm.setFlexGrow(1, evidenceLink);
        evidenceForm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        body.add(evidenceForm);
        if (item.evidenceLink() != null && item.evidenceLink().matches("(?i)^(https?://|/).*")) {
            Anchor open = new Anchor(item.evidenceLink(), "Open evidence", AnchorTarget.BLANK);
            open.getElement().setAttribute("rel", "noopener noreferrer");
            body.add(open);
        }

        evidence.removeAll();
        evidence.setPadding(false);
        evidence.setId("detail-provider-evidence");
        for (ItemEvidence e : releaseItems.evidence(itemId)) {
            String state = e.passing() == null ? "unknown" : e.passing() ? "passing" : "failing";
            evidence.add(new Span(e.source() + ": " + e.label() + " — " + state
                    + (e.detail() == null ? "" : " (" + e.detail() + ")")
                    + (e.checkedAt() == null ? "" : ", checked " + Times.minuteUtc(e.checkedAt()))));
        }
        if (evidence.getComponentCount() > 0) {
            body.add(new H4("Automated evidence"), evidence);
        }

        addChecks(item, canChange);

        comments.removeAll();
        comments.setPadding(false);
        comments.setSpacing(false);
        comments.setId("detail-comments");
        for (CommentView c : releaseItems.comments(itemId)) {
            Div entry = new Div(new Span(c.author() + ", " + Times.minuteUtc(c.createdAt()) + ": "), new Span(c.text()));
            comments.add(entry);
        }
        body.add(new H4("Comments"), comments);
        if (releaseItems.canComment()) {
            comment = new TextArea("Add a comment");
            comment.setId("detail-comment");
            comment.setWidthFull();
            comment.setValue(typing);
            addComment = new Button("Add comment", e -> act(() -> releaseItems.addComment(itemId, comment.getValue()),
                    "Comment added", () -> comment.clear(), null));
            addComment.setId("detail-add-comment");
            body.add(comment, addComment);
        } else {
            comment = null;
            addComment = null;
        }

        history.removeAll();
        history.setPadding(false);
        history.setSpacing(false);
        history.setId("detail-history");
        for (HistoryEntry h : releaseItems.history(itemId)) {
            history.add(new Span(Times.minuteUtc(h.occurredAt()) + " · " + HistoryLine.describe(h)));
        }
        if (history.getComponentCount() == 0) {
            history.add(new Span("No changes yet."));
        }
        body.add(new H4("History"), history);
        for (var buttons : new Button[] {saveNote, saveEvidence}) {
            buttons.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
    }

    /** The checks bound to the item: run them now, see the outcome, mark the item done with a passing run. */
    private void addChecks(ItemView item, boolean canChange) {
        runChecks = null;
        doneWithChecks = null;
        checkResults.removeAll();
        checkResults.setPadding(false);
        checkResults.setSpacing(false);
        checkResults.setId("detail-check-results");
        for (ItemCheckRunner runner : checkRunners) {
            List<String> names = runner.checksFor(item);
            if (names.isEmpty()) {
                continue;
            }
            body.add(new H4("Automated checks"), new Span("Bound to this item: " + String.join(", ", names)));
            runChecks = new Button("Run check" + (names.size() == 1 ? "" : "s"), e -> act(() -> {
                lastRun.clear();
                lastRun.addAll(runner.runChecks(itemId));
            }, "Check run stored as evidence"));
            runChecks.setId("detail-run-checks");
            runChecks.addThemeVariants(ButtonVariant.LUMO_SMALL);
            runChecks.setVisible(runner.canRun(item));
            runChecks.setDisableOnClick(true);
            doneWithChecks = new Button("Mark done with check evidence", e -> act(
                    () -> runner.markDoneWithEvidence(itemId, item.status()), "Marked done with the check run attached"));
            doneWithChecks.setId("detail-done-with-checks");
            doneWithChecks.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
            doneWithChecks.setVisible(releaseItems.canChangeStatus(item) && item.status() != ItemStatus.DONE);
            for (ItemCheckOutcome o : lastRun) {
                Span line = new Span((o.passed() ? "PASS " : "FAIL ") + o.checkName() + " — " + o.details() + " ("
                        + o.durationMillis() + " ms, by " + o.triggeredBy() + ", " + Times.minuteUtc(o.ranAt()) + ")");
                line.getElement().getThemeList().add(o.passed() ? "badge success" : "badge error");
                checkResults.add(line);
            }
            body.add(new HorizontalLayout(runChecks, doneWithChecks), checkResults);
        }
    }

    private void act(Runnable action, String done) {
        act(action, done, () -> { }, null);
    }

    /**
     * Runs a change and redraws. {@code afterStale} runs when the service refused it because the item changed since
     * this dialog last showed it: the user has now been told who changed what, so what they typed is kept and the next
     * save is made from the current value; null for a change without typed text (the owner).
     */
    private void act(Runnable action, String done, Runnable after, Runnable afterStale) {
        try {
            action.run();
            after.run();
            Notification.show(done, 2000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ItemChangedMeanwhile e) {
            String message = e.getMessage();
            if (afterStale != null) {
                afterStale.run();
                message += " What you typed is kept: save again to replace it.";
            }
            Notification.show(message, 8000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (BusinessException | IllegalArgumentException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        // The board redraws itself and this dialog.
        onChange.run();
    }

    private static ReleaseItemService.Evidence evidenceOf(ItemView item) {
        return new ReleaseItemService.Evidence(item.evidenceLink(), item.evidenceSummary());
    }

    private static Paragraph line(String label, String value) {
        Paragraph p = new Paragraph();
        Span l = new Span(label + ": ");
        l.getStyle().set("font-weight", "600");
        p.add(l, new Span(value));
        p.getStyle().set("margin", "0");
        return p;
    }
}
