package dev.safespeak.signoff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import dev.safespeak.base.BusinessException;
import dev.safespeak.signoff.SignOffService;
import dev.safespeak.signoff.SignOffSlot;

/** Asks for a comment and the signer's password before a sign-off or a rejection. */
class SignOffDialog extends Dialog {

    final TextArea comment = new TextArea("Comment");
    final PasswordField password = new PasswordField("Your password");
    final Button confirm;

    SignOffDialog(SignOffService service, long releaseId, SignOffSlot slot, boolean sign, Runnable onDone) {
        setHeaderTitle((sign ? "Sign off as " : "Reject as ") + slot.displayName());
        comment.setId("signoff-comment");
        comment.setWidthFull();
        comment.setMaxLength(SignOffService.MAX_COMMENT_CHARS);
        password.setId("signoff-password");
        password.setWidthFull();
        confirm = new Button(sign ? "Sign off" : "Reject", e -> {
            try {
                if (sign) {
                    service.signOff(releaseId, slot, comment.getValue(), password.getValue());
                } else {
                    service.reject(releaseId, slot, comment.getValue(), password.getValue());
                }
                close();
                Notification.show((sign ? "Signed off as " : "Rejected as ") + slot.displayName())
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                onDone.run();
            } catch (BusinessException | IllegalArgumentException failure) {
                password.clear();
                Notification.show(failure.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        confirm.setId("signoff-confirm");
        confirm.addThemeVariants(sign ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_ERROR);
        Button cancel = new Button("Cancel", e -> close());
        add(new VerticalLayout(comment, password));
        getFooter().add(cancel, confirm);
        setWidth("32em");
    }
}
