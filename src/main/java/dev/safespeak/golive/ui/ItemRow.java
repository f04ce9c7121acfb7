package dev.safespeak.golive.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import dev.safespeak.golive.ItemStatus;
import dev.safespeak.golive.ItemView;

/**
 * One item on the board: its status (an inline select where the user may change it), the text with badges, owner,
 * due date and a Details button.
 *
 * <p>Drawn with as few elements as the row's behaviour allows (issue 12). The row is a plain {@code div} whose cells
 * are HTML built here ({@link #cellsHtml}, every typed text escaped): the status badge of an item the user cannot
 * change, the text with its badges, the owner, the due date and the Details button, whose clicks the board takes
 * with one listener for all rows ({@link ReleaseBoardView#DETAILS_ITEM}). Only the status select is a component
 * ({@link StatusSelect}, one element), because it holds a value; the cells then go into a {@code span} beside it
 * that takes no box of its own ({@code display: contents}), so both kinds of row have the same layout. With a component per cell (two layouts,
 * five spans and a Lumo button per row) the 126-item board was about 2,000 nodes and a first response of 690 kB.
 * Layout, colours and the phone layout are the theme's ({@code styles.css}, {@code .board-item}).
 */
class ItemRow extends Div {

    final ItemView item;
    /** The status select of an item this user may change; null otherwise. */
    final StatusSelect status;
    /** The element whose inner HTML is {@link #cellsHtml}: the row itself, or a span beside the status select. */
    final Element cells;
    private boolean updating;
    Dialog reasonDialog;
    TextField reason;
    Button reasonConfirm;
    Button reasonCancel;

    ItemRow(ItemView item, boolean canChange, ReleaseBoardView board) {
        this.item = item;
        setId("item-" + item.id());
        addClassName("board-item");
        if (canChange) {
            status = new StatusSelect();
            updating = true;
            status.setValue(item.status());
            updating = false;
            status.setAriaLabel("Status of " + item.text());
            status.addValueChangeListener(e -> {
                if (updating) {
                    return;
                }
                if (e.getValue() == null) {
                    // A value that names no status (a forged request): the select shows the item's status again.
                    revert();
                    return;
                }
                if (e.getValue() == item.status()) {
                    return;
                }
                if (e.getValue().needsReason()) {
                    askReason(board, e.getValue());
                } else {
                    board.changeStatus(item, e.getValue(), null);
                }
            });
            status.addClassNames("board-item-status", statusClass(item.status()));
            Span beside = new Span();
            beside.addClassName("board-item-cells");
            add(status, beside);
            cells = beside.getElement();
        } else {
            status = null;
            cells = getElement();
        }
        cells.setProperty("innerHTML", cellsHtml(item, !canChange));
    }

    /**
     * The HTML of {@link #cells}. An item the user cannot change shows its status as a coloured badge (styles.css),
     * not a disabled select: most rows are someone else's, and 126 selects with their options made the board slow to
     * appear (issue 12). The badge has a tooltip, not role="status": that makes a live region, and a board of them
     * would read every pushed change aloud.
     */
    static String cellsHtml(ItemView item, boolean statusBadge) {
        StringBuilder html = new StringBuilder(400);
        if (statusBadge) {
            html.append("<span class=\"board-item-status ").append(statusClass(item.status())).append("\" title=\"")
                    .append(escape("Status of " + item.text() + ": " + item.status().label())).append("\">")
                    .append(escape(item.status().label())).append("</span>");
        }
        html.append("<span class=\"board-item-text\"><span class=\"board-item-label\">").append(escape(item.text()))
                .append("</span>");
        if (item.reason() != null) {
            badge(html, "— " + item.reason(), "contrast");
        }
        if (item.status() == ItemStatus.BLOCKED) {
            badge(html, "Blocked", "error");
        }
        if (item.overdue()) {
            badge(html, "Overdue", "error");
        }
        if (item.regressed()) {
            badge(html, "Regressed", "error");
        }
        if (item.commentCount() > 0) {
            badge(html, item.commentCount() + (item.commentCount() == 1 ? " comment" : " comments"), "contrast");
        }
        if (item.evidenceLink() != null) {
            badge(html, "Evidence", "success");
        }
        html.append("</span><span class=\"board-item-owner\">").append(escape(item.owner().displayName()))
                .append("</span><span class=\"board-item-due\">due ").append(item.dueDate())
                .append("</span><button type=\"button\" class=\"board-item-details\" data-item=\"").append(item.id())
                .append("\" aria-label=\"").append(escape("Details of " + item.text())).append("\">Details</button>");
        return html.toString();
    }

    private static void badge(StringBuilder html, String label, String theme) {
        html.append("<span theme=\"badge ").append(theme).append("\">").append(escape(label)).append("</span>");
    }

    /** Text as HTML text or attribute value: item texts, reasons and names are typed by people. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** The CSS class that colours a status, e.g. {@code status-in-progress}. */
    static String statusClass(ItemStatus status) {
        return "status-" + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
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
