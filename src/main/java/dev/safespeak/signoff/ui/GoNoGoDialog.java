package dev.safespeak.signoff.ui;

import dev.safespeak.base.ui.Messages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.safespeak.base.BusinessException;
import dev.safespeak.signoff.GoNoGo;
import dev.safespeak.signoff.SignOffService;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Records a go/no-go meeting: its date, attendees, decision and notes. */
class GoNoGoDialog extends Dialog {

    final DatePicker date = new DatePicker(Messages.get("gonogo.date"), LocalDate.now(ZoneOffset.UTC));
    final TextField attendees = new TextField(Messages.get("gonogo.attendees"));
    final RadioButtonGroup<GoNoGo> decision = new RadioButtonGroup<>(Messages.get("gonogo.decision"));
    final TextArea notes = new TextArea(Messages.get("gonogo.notes"));
    final Button confirm;

    GoNoGoDialog(SignOffService service, long releaseId, Runnable onDone) {
        setHeaderTitle(Messages.get("executive.record"));
        date.setId("gonogo-date");
        attendees.setId("gonogo-attendees");
        attendees.setWidthFull();
        decision.setId("gonogo-decision");
        decision.setItems(GoNoGo.values());
        decision.setItemLabelGenerator(Messages::label);
        notes.setId("gonogo-notes");
        notes.setWidthFull();
        date.setRequiredIndicatorVisible(true);
        date.setErrorMessage(Messages.get("gonogo.date-required"));
        attendees.setRequired(true);
        attendees.setErrorMessage(Messages.get("gonogo.attendees-required"));
        decision.setRequired(true);
        decision.setErrorMessage(Messages.get("gonogo.decision-required"));
        confirm = new Button(Messages.get("gonogo.record"), e -> {
            if (!complete()) {
                // Refused next to the fields: nothing was sent and the dialog stays open.
                return;
            }
            try {
                service.recordGoNoGo(releaseId, date.getValue(), attendees.getValue(), decision.getValue(),
                        notes.getValue());
                close();
                Notification.show(Messages.get("gonogo.recorded")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                onDone.run();
            } catch (BusinessException | IllegalArgumentException failure) {
                Notification.show(failure.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        confirm.setId("gonogo-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new VerticalLayout(date, attendees, decision, notes));
        getFooter().add(new Button(Messages.get("signoff.cancel"), e -> close()), confirm);
        setWidth("32em");
        setMaxWidth("100%");
    }

    /**
     * Marks each missing or too long field invalid, with its message under it (a long paste is neither cut nor lost:
     * it stays in the field to be shortened); true when every field is fine.
     */
    private boolean complete() {
        date.setInvalid(date.getValue() == null);
        attendees.setErrorMessage(attendees.getValue().length() > SignOffService.MAX_GO_NO_GO_ATTENDEES
                ? Messages.get("gonogo.too-long", attendees.getValue().length(), SignOffService.MAX_GO_NO_GO_ATTENDEES)
                : Messages.get("gonogo.attendees-required"));
        attendees.setInvalid(attendees.getValue().isBlank()
                || attendees.getValue().length() > SignOffService.MAX_GO_NO_GO_ATTENDEES);
        decision.setInvalid(decision.getValue() == null);
        int notesLength = notes.getValue().strip().length();
        notes.setErrorMessage(Messages.get("gonogo.too-long", notesLength, SignOffService.MAX_GO_NO_GO_NOTES));
        notes.setInvalid(notesLength > SignOffService.MAX_GO_NO_GO_NOTES);
        if (date.isInvalid()) {
            date.focus();
        } else if (attendees.isInvalid()) {
            attendees.focus();
        } else if (notes.isInvalid()) {
            notes.focus();
        }
        return !date.isInvalid() && !attendees.isInvalid() && !decision.isInvalid() && !notes.isInvalid();
    }
}
