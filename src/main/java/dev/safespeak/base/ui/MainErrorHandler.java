package dev.safespeak.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.safespeak.base.BusinessException;
import dev.safespeak.base.DatabaseStatus;
import dev.safespeak.base.RateLimitedLog;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one place UI errors end up: a {@link BusinessException} becomes a notification with its
 * message; a database that cannot be reached becomes a notification that nothing was saved (one log line per
 * 30 s); anything else is logged with an id and shown as a generic message with that id.
 */
@Component
class MainErrorHandler implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(MainErrorHandler.class);
    private static final RateLimitedLog quiet = RateLimitedLog.of(log);
    static final String DATABASE_UNAVAILABLE = "The database is unavailable, so nothing was saved. Try again in a "
            + "minute.";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(handler()));
    }

    static ErrorHandler handler() {
        return (ErrorEvent errorEvent) -> {
            Throwable cause = rootBusinessException(errorEvent.getThrowable());
            String message;
            if (cause instanceof BusinessException business) {
                message = business.getMessage();
            } else if (DatabaseStatus.isUnavailability(errorEvent.getThrowable())) {
                quiet.warn("database-unavailable", "A UI action failed: the database is unavailable");
                message = DATABASE_UNAVAILABLE;
            } else if (cause instanceof IllegalArgumentException invalid) {
                message = invalid.getMessage();
            } else {
                String id = UUID.randomUUID().toString();
                log.error("Unexpected UI error {}", id, errorEvent.getThrowable());
                message = "Internal error (reference " + id + ")";
            }
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> {
                    Notification n = Notification.show(message, 5000, Notification.Position.TOP_CENTER);
                    n.addThemeVariants(NotificationVariant.LUMO_ERROR);
                });
            }
        };
    }

    private static Throwable rootBusinessException(Throwable t) {
        Throwable current = t;
        while (current != null) {
            if (current instanceof BusinessException || current instanceof IllegalArgumentException) {
                return current;
            }
            current = current.getCause();
        }
        return t;
    }
}
