package dev.safespeak.golive.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import dev.safespeak.base.cluster.ClusterNotifications;
import dev.safespeak.golive.ItemChanged;
import dev.safespeak.golive.ItemStatusChanged;
import dev.safespeak.golive.ReleaseCreated;
import dev.safespeak.golive.TemplateImported;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Pushes go-live changes to every open board and releases list, on this instance and on the others that share its
 * database. It listens to the golive events after their transaction commits (so a refreshed board reads the new
 * state) and asks each registered UI, other than the one that made the change and refreshes itself, to refresh
 * through {@code ui.access}, which @Push then delivers to the browser. It also tells the other instances which
 * release changed ({@link ClusterNotifications}, PostgreSQL NOTIFY on channel {@value #CHANNEL}), and refreshes its
 * own boards when they tell it.
 */
@Component
class BoardBroadcaster {

    /** Registration key for listeners that want changes of every release. */
    static final long ANY_RELEASE = -1;

    private static final Logger log = LoggerFactory.getLogger(BoardBroadcaster.class);

    private record Listener(long releaseId, UI ui, Runnable refresh) {
    }

    /** The notification channel between instances; the payload is the release id, or -1 for every release. */
    static final String CHANNEL = "safespeak_board";

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ClusterNotifications cluster;

    BoardBroadcaster(ClusterNotifications cluster) {
        this.cluster = cluster;
        cluster.subscribe(CHANNEL, this::onOtherInstance);
    }

    /** Calls {@code refresh} inside {@code ui.access} whenever release {@code releaseId} (or any, -1) changes. */
    Registration register(long releaseId, UI ui, Runnable refresh) {
        Listener listener = new Listener(releaseId, ui, refresh);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    int listenerCount() {
        return listeners.size();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ItemStatusChanged event) {
        changed(event.releaseId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ItemChanged event) {
        changed(event.releaseId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ReleaseCreated event) {
        changed(event.releaseId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TemplateImported event) {
        changed(ANY_RELEASE);
    }

    private void changed(long releaseId) {
        broadcast(releaseId);
        cluster.publish(CHANNEL, Long.toString(releaseId));
    }

    private void onOtherInstance(String payload) {
        try {
            broadcast(Long.parseLong(payload));
        } catch (NumberFormatException e) {
            log.warn("Ignoring a board notification that is not a release id: '{}'", payload);
        }
    }

    void broadcast(long releaseId) {
        UI origin = UI.getCurrent();
        log.debug("Release {} changed: refreshing the other boards of {} registered", releaseId, listeners.size());
        for (Listener listener : listeners) {
            boolean wanted = listener.releaseId() == releaseId || listener.releaseId() == ANY_RELEASE;
            if (!wanted || listener.ui() == origin) {
                continue;
            }
            try {
                listener.ui().access(listener.refresh()::run);
            } catch (RuntimeException e) {
                // A UI whose session has gone away (UIDetachedException and friends): forget it.
                log.debug("Dropping a board listener whose UI is gone", e);
                listeners.remove(listener);
            }
        }
    }
}
