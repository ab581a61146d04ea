package org.carereview.consult.core.stall;

import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many connections this node has taken, and how many it closed itself and why, since it started: counts only,
 * for the metrics (web-ui's metrics package). A client that sees its connection fail ("broken pipe", "EOF") can be
 * matched against these: a cut for a stalled request is the client's silence; a cut of a kept-alive connection races
 * a client that sends its next request at that moment. Counted by the stalled-request guard, so all stay 0 when
 * {@code consult.stalled-request-timeout} turns it off.
 */
@Singleton
public final class ConnectionCuts {

    /** Why the service closed a connection. */
    public enum Reason {
        /** Nothing, or only part of the headers, arrived on a new connection for a whole quiet period. */
        NO_REQUEST("no_request"),
        /** A request's body stopped arriving while the service was asking for it. */
        STALLED_BODY("stalled_body"),
        /** Kept alive after its last answer, with no next request (or only part of one) for the keep-alive timeout. */
        KEEP_ALIVE("keep_alive");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        /** The metric's label value. */
        public String label() {
            return label;
        }
    }

    private final LongAdder opened = new LongAdder();
    private final Map<Reason, LongAdder> closed = new EnumMap<>(Reason.class);

    ConnectionCuts() {
        for (Reason reason : Reason.values()) {
            closed.put(reason, new LongAdder());
        }
    }

    /** Connections accepted since this node started. */
    public long opened() {
        return opened.sum();
    }

    /** Connections this node closed for the reason since it started. */
    public long closed(Reason reason) {
        return closed.get(reason).sum();
    }

    void open() {
        opened.increment();
    }

    void close(Reason reason) {
        closed.get(reason).increment();
    }
}
