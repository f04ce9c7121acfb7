package dev.safespeak.golive.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.safespeak.golive.ItemStatus;
import dev.safespeak.golive.ItemView;

/** One item on the board: inline status select, text with badges, owner, due date and a details button. */
class ItemRow extends HorizontalLayout {

    final ItemView item;
    /** The status select of an item this user may change; null otherwise. */
    final Select<ItemStatus> status;
    /** The status badge of an item this user may not change; null otherwise. */
    final Span statusBadge;
    final Span text;
    final Button details = new Button("Details");
    private boolean updating;
    Dialog reasonDialog;
    TextField reason;
    Button reasonConfirm;
    Button reasonCancel;

    ItemRow(ItemView item, boolean canChange, ReleaseBoardView board) {
        this.item = item;
        setId("item-" + item.id());
        addClassName("board-item");
        setWidthFull();
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)");

        Component statusCell;
        if (canChange) {
            status = new Select<>();
            status.setItems(ItemStatus.values());
            status.setItemLabelGenerator(ItemStatus::label);
            updating = true;
            status.setValue(item.status());
            updating = false;
            status.setAriaLabel("Status of " + item.text());
            status.addValueChangeListener(e -> {
                if (updating || e.getValue() == null || e.getValue() == item.status()) {
                    return;
                }
                if (e.getValue().needsReason()) {
                    askReason(board, e.getValue());
                } else {
                    board.changeStatus(item, e.getValue(), null);
                }
            });
            statusBadge = null;
            statusCell = status;
        } else {
            // An item this user cannot change shows its status as a coloured badge (styles.css). Not a disabled
            // select: most rows are someone else's, and 126 selects with their options made the board slow to
            // appear (issue 12).
            status = null;
            statusBadge = new Span(item.status().label());
            // A tooltip, not role="status": that makes a live region, and a board of them would read every pushed
            // change aloud.
            statusBadge.getElement().setAttribute("title", "Status of " + item.text() + ": "
                    + item.status().label());
            statusCell = statusBadge;
        }
        statusCell.addClassNames("board-item-status", statusClass(item.status()));
        statusCell.getElement().getStyle().set("width", "11em");

        text = new Span(item.text());
        text.getStyle().set("flex-grow", "1");
        HorizontalLayout textCell = new HorizontalLayout(text);
        textCell.addClassName("board-item-text");
        textCell.setSpacing(true);
        textCell.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        if (item.reason() != null) {
            textCell.add(badge("— " + item.reason(), "contrast"));
        }
        if (item.status() == ItemStatus.BLOCKED) {
            textCell.add(badge("Blocked", "error"));
        }
        if (item.overdue()) {
            textCell.add(badge("Overdue", "error"));
        }
        if (item.regressed()) {
            textCell.add(badge("Regressed", "error"));
        }
        if (item.commentCount() > 0) {
            textCell.add(badge(item.commentCount() + (item.commentCount() == 1 ? " comment" : " comments"), "contrast"));
        }
        if (item.evidenceLink() != null) {
            textCell.add(badge("Evidence", "success"));
        }
        Span owner = new Span(item.owner().displayName());
        owner.setWidth("14em");
        owner.addClassName("board-item-owner");
        Span due = new Span("due " + item.dueDate());
        due.setWidth("8em");
        due.addClassName("board-item-due");
        details.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        details.addClickListener(e -> board.openDetail(item));
        add(statusCell, textCell, owner, due, details);
        expand(textCell);
    }

    /** The CSS class that colours a status, e.g. {@code status-in-progress}. */
    static String statusClass(ItemStatus status) {
        return "status-" + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static Span badge(String label, String theme) {
        Span badge = new Span(label);
        badge.getElement().getThemeList().add("badge " + theme);
        return badge;
    }

    void closeDialogs() {
        if (reasonDialog != null) {
            reasonDialog.close();
        }
    }

    /** Shows the item's status again in the select, after a cancelled or refused change. */
    void revert() {
        if (status == null) {
            return;
        }
        updating = true;
        status.setValue(item.status());
        updating = false;
    }

    private void askReason(ReleaseBoardView board, ItemStatus next) {
        reasonDialog = new Dialog();
        reasonDialog.setHeaderTitle(next.label() + ": why?");
        reason = new TextField("Reason");
        reason.setId("reason");
        reason.setWidth("30em");
        reason.setRequired(true);
        reason.setErrorMessage("Say why the item is " + next.label().toLowerCase(java.util.Locale.ROOT));
        reasonConfirm = new Button("Set " + next.label(), e -> {
            if (reason.getValue().isBlank()) {
                // Refused in the dialog, next to the field: nothing was sent, the dialog stays open.
                reason.setInvalid(true);
                reason.focus();
                return;
            }
            String refused = board.changeStatus(item, next, reason.getValue(), false);
            if (refused != null) {
                // The server refused it (too long, no longer allowed): say so in the dialog, which stays open.
                reason.setErrorMessage(refused);
                reason.setInvalid(true);
                return;
            }
            reasonDialog.close();
        });
        reasonConfirm.setId("reason-confirm");
        reasonConfirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reasonCancel = new Button("Cancel", e -> {
            reasonDialog.close();
            revert();
        });
        // Escape or a click outside the dialog cancels too, and the select goes back to the item's status.
        reasonDialog.addDialogCloseActionListener(e -> {
            reasonDialog.close();
            revert();
        });
        reasonDialog.add(reason);
        reasonDialog.getFooter().add(reasonCancel, reasonConfirm);
        reasonDialog.open();
    }

    static void notifyDone(String message) {
        Notification.show(message, 2000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    static void notifyError(String message) {
        Notification n = Notification.show(message, 5000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
