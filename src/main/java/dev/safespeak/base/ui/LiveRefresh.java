package dev.safespeak.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Pages that show live numbers: they poll the server at an interval while they are open, and say when they read. */
public final class LiveRefresh {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private LiveRefresh() {
    }

    /** Calls {@code refresh} every {@code seconds} while {@code page} is attached; polling stops when it is left. */
    public static void whileAttached(Component page, int seconds, Runnable refresh) {
        Registration[] poll = new Registration[1];
        page.addAttachListener(e -> {
            e.getUI().setPollInterval(seconds * 1000);
            poll[0] = e.getUI().addPollListener(p -> refresh.run());
        });
        page.addDetachListener(e -> {
            if (poll[0] != null) {
                poll[0].remove();
                poll[0] = null;
            }
            e.getUI().setPollInterval(-1);
        });
    }

    /** "As of 14:03:07 UTC; refreshed every 10 s". */
    public static String asOf(Clock clock, int seconds) {
        return "As of " + TIME.format(LocalTime.now(clock.withZone(ZoneOffset.UTC))) + " UTC; refreshed every "
                + seconds + " s";
    }
}
