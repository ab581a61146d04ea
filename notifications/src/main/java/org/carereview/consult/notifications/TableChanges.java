package org.carereview.consult.notifications;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells this node's caches that a table they copy was changed on any node: a trigger announces each change on the
 * channel {@code consult_changes} (PostgreSQL NOTIFY, delivered when the change commits) and one connection per node
 * listens. Each announcement moves {@link #generation}; a cache keeps what it read only while the generation it read
 * at is current. While the listener is not connected (starting, or the connection lost) the generation is
 * {@link #UNKNOWN} and caches read every time; reconnecting moves it, so nothing missed in between is kept.
 */
@Singleton
public class TableChanges {

    public static final long UNKNOWN = -1;
    private static final Logger LOG = LoggerFactory.getLogger(TableChanges.class);

    private final TableChangeStore store;
    private final AtomicLong generation = new AtomicLong();
    private final Thread listener;
    private volatile boolean listening;
    private volatile boolean stopped;

    TableChanges(TableChangeStore store) {
        this.store = store;
        this.listener = new Thread(this::listen, "table-changes");
        listener.setDaemon(true);
    }

    @PostConstruct
    void start() {
        listener.start();
    }

    /** The current generation, or {@link #UNKNOWN} when changes on other nodes would not be heard. */
    public long generation() {
        return listening ? generation.get() : UNKNOWN;
    }

    /** Marks a change made on this node (its own announcement follows when the change commits). */
    public void changed() {
        generation.incrementAndGet();
    }

    private void listen() {
        while (!stopped) {
            try {
                store.listen(() -> {
                    generation.incrementAndGet();
                    listening = true;
                }, generation::incrementAndGet, () -> stopped);
            } catch (Exception e) { // the connection failed (SQLException) or anything else went wrong
                if (listening || !stopped) {
                    LOG.debug("Not listening for table changes ({}): caches read every time", e.getClass().getSimpleName());
                }
            } finally {
                listening = false;
                generation.incrementAndGet();
            }
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        listener.interrupt();
    }
}
