package org.carereview.consult.web.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import org.carereview.consult.core.stall.ConnectionCuts;

/**
 * The HTTP connections this node took and the ones it closed itself (ADR 0032):
 * {@code consult_connections_opened_total} and {@code consult_connections_closed_total{reason}}, the reason
 * {@code no_request} (a new connection that sent no whole request for the stalled-request timeout),
 * {@code stalled_body} (a request whose body stopped arriving) or {@code keep_alive} (no next request for the
 * keep-alive timeout). Clients that report failed connections can be read against these.
 */
@Singleton
class ConnectionMeters implements MeterBinder {

    private final ConnectionCuts cuts;

    ConnectionMeters(ConnectionCuts cuts) {
        this.cuts = cuts;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("consult.connections.opened", cuts, ConnectionCuts::opened)
                .description("HTTP connections this node has taken").register(registry);
        for (ConnectionCuts.Reason reason : ConnectionCuts.Reason.values()) {
            FunctionCounter.builder("consult.connections.closed", cuts, c -> c.closed(reason))
                    .description("HTTP connections this node closed itself, by why").tag("reason", reason.label())
                    .register(registry);
        }
    }
}
