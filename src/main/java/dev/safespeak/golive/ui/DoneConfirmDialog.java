package dev.safespeak.golive.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.safespeak.base.BusinessException;
import dev.safespeak.base.Times;
import dev.safespeak.base.ui.Messages;
import dev.safespeak.golive.ItemChangedMeanwhile;
import dev.safespeak.golive.ItemCheckOutcome;
import dev.safespeak.golive.ItemCheckRunner;
import dev.safespeak.golive.ItemView;
import java.util.List;

/**
 * Asked when someone marks an item Done while a readiness check bound to it failed in its last run. Accepting it
 * silently would only last until the next failing run, which sets the item back to In progress. The dialog names
 * the failing checks and their last result and offers: run the checks again and mark the item done with the
 * passing runs as evidence, mark it done anyway, or cancel (the select shows the server's status again).
 */
class DoneConfirmDialog extends Dialog {

    final VerticalLayout failures = new VerticalLayout();
    final Span error = new Span();
    final Button withEvidence;
    final Button anyway;
    final Button cancel;
    private boolean decided;

    /**
     * @param runner the check runner that knows the item's checks
     * @param markAnyway sets the item Done without evidence
     * @param markedWithEvidence called after the item was marked done with the checks' evidence
     * @param cancelled called when the user cancels (Cancel, Escape, a click outside, leaving the page)
     */
    DoneConfirmDialog(ItemView item, List<ItemCheckOutcome> failing, ItemCheckRunner runner, Runnable markAnyway,
                      Runnable markedWithEvidence, Runnable cancelled) {
        setId("done-confirm");
        setHeaderTitle(Messages.get("board.done-confirm.title", failing.size()));
        // As wide as a short paragraph on a desktop, the whole window on a phone: the text wraps, nothing is cut off.
        setWidth("36em");
        setMaxWidth("100%");
        Paragraph intro = new Paragraph(Messages.get("board.done-confirm.intro", item.text(), failing.size()));
        failures.setId("done-confirm-failures");
        failures.setPadding(false);
        failures.setSpacing(false);
        showFailures(failing);
        Paragraph consequence = new Paragraph(Messages.get("board.done-confirm.consequence"));
        consequence.getStyle().set("color", "var(--lumo-secondary-text-color)");
        error.setId("done-confirm-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        add(intro, failures, error, consequence);

        withEvidence = new Button(Messages.get("board.done-confirm.with-evidence"), e -> {
            try {
                List<ItemCheckOutcome> runs = runner.runChecks(item.id());
                List<ItemCheckOutcome> stillFailing = runs.stream().filter(r -> !r.passed()).toList();
                if (!stillFailing.isEmpty()) {
                    // The new run is shown here; the item stays as it is and the dialog stays open.
                    showFailures(stillFailing);
                    showError(Messages.get("board.done-confirm.failed-again"));
                    return;
                }
                runner.markDoneWithEvidence(item.id(), item.status());
            } catch (ItemChangedMeanwhile ex) {
                // Somebody else changed the item meanwhile: nothing was attached or set; the board shows theirs.
                close();
                ItemRow.notifyError(ex.getMessage());
                return;
            } catch (BusinessException | IllegalArgumentException ex) {
                showError(ex.getMessage());
                return;
            }
            decided = true;
            close();
            markedWithEvidence.run();
        });
        withEvidence.setId("done-confirm-with-evidence");
        withEvidence.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        withEvidence.setDisableOnClick(true);
        withEvidence.addClickListener(e -> withEvidence.setEnabled(true));
        anyway = new Button(Messages.get("board.done-confirm.anyway"), e -> {
            decided = true;
            close();
            markAnyway.run();
        });
        anyway.setId("done-confirm-anyway");
        anyway.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel = new Button(Messages.get("board.done-confirm.cancel"), e -> close());
        cancel.setId("done-confirm-cancel");
        // In the body rather than the footer: the footer does not wrap, and three buttons do not fit a phone's width.
        HorizontalLayout buttons = new HorizontalLayout(cancel, anyway, withEvidence);
        buttons.setWrap(true);
        buttons.setWidthFull();
        buttons.setJustifyContentMode(FlexComponent.JustifyContentMode.END);
        add(buttons);
        // Cancel, Escape, a click outside or leaving the board: the select shows the server's status again.
        addOpenedChangeListener(e -> {
            if (!e.isOpened() && !decided) {
                decided = true;
                cancelled.run();
            }
        });
    }

    private void showFailures(List<ItemCheckOutcome> failing) {
        failures.removeAll();
        for (ItemCheckOutcome o : failing) {
            Span line = new Span(Messages.get("board.done-confirm.failure", o.checkName(), Times.minuteUtc(o.ranAt()),
                    who(o.triggeredBy()), o.details()));
            line.getElement().getThemeList().add("badge error");
            line.getStyle().set("white-space", "normal").set("overflow-wrap", "anywhere");
            failures.add(line);
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    /** "run by qa_lead", or "scheduled run" for the evidence module's own runs. */
    static String who(String triggeredBy) {
        return triggeredBy != null && triggeredBy.startsWith("system:") ? Messages.get("board.done-confirm.scheduled")
                : Messages.get("board.done-confirm.run-by", triggeredBy);
    }
}
