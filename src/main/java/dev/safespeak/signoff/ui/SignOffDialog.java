package dev.safespeak.signoff.ui;

import dev.safespeak.base.ui.Messages;
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

    final TextArea comment = new TextArea(Messages.get("signoff.comment"));
    final PasswordField password = new PasswordField(Messages.get("signoff.password"));
    final Button confirm;

    SignOffDialog(SignOffService service, long releaseId, SignOffSlot slot, boolean sign, Runnable onDone) {
        setHeaderTitle(sign ? Messages.get("signoff.sign-as", slot.displayName())
                : Messages.get("signoff.reject-as", slot.displayName()));
        comment.setId("signoff-comment");
        comment.setWidthFull();
        comment.setMaxLength(SignOffService.MAX_COMMENT_CHARS);
        password.setId("signoff-password");
        password.setWidthFull();
        confirm = new Button(sign ? Messages.get("signoff.sign") : Messages.get("signoff.reject"), e -> {
            try {
                if (sign) {
                    service.signOff(releaseId, slot, comment.getValue(), password.getValue());
                } else {
                    service.reject(releaseId, slot, comment.getValue(), password.getValue());
                }
                close();
                Notification.show(sign ? Messages.get("signoff.signed-as", slot.displayName())
                        : Messages.get("signoff.rejected-as", slot.displayName()))
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
        Button cancel = new Button(Messages.get("signoff.cancel"), e -> close());
        add(new VerticalLayout(comment, password));
        getFooter().add(cancel, confirm);
        setWidth("32em");
    }
}
