package org.carereview.consult.core.stall;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Cuts off a client that stops sending in the middle of a request (or before its first) after
 * {@code consult.stalled-request-timeout} (10 seconds unless set): half-sent form posts must not hold a connection
 * and its buffers for minutes. A slow phone on a poor signal still sends something every few seconds; a download
 * is never cut ({@link StalledRequestHandler}). A connection kept alive between requests is closed after
 * {@code consult.keep-alive-timeout} (75 seconds unless set) without a request, counted from its last answer: longer
 * than a proxy in front keeps its idle connections to the service (nginx's 60 seconds by default, 50 in
 * {@code deploy/nginx.conf}), so that the proxy, not the service, closes them, and never reuses one the service is
 * closing at that moment (a POST sent on it would fail).
 */
@Singleton
final class StalledRequests implements BeanCreatedEventListener<ChannelPipelineCustomizer> {

    static final String IDLE = "consult-stalled-idle";
    static final String DEMAND = "consult-stalled-demand";
    static final String HANDLER = "consult-stalled-request";

    private final Duration timeout;
    private final Duration keepAlive;
    private final ConnectionCuts cuts;

    StalledRequests(@Value("${consult.stalled-request-timeout:10s}") Duration timeout,
                    @Value("${consult.keep-alive-timeout:75s}") Duration keepAlive, ConnectionCuts cuts) {
        this.timeout = timeout;
        this.keepAlive = keepAlive;
        this.cuts = cuts;
    }

    @Override
    public ChannelPipelineCustomizer onCreated(BeanCreatedEvent<ChannelPipelineCustomizer> event) {
        ChannelPipelineCustomizer customizer = event.getBean();
        if (customizer.isServerChannel() && !timeout.isZero() && !timeout.isNegative()) {
            customizer.doOnConnect(this::guard);
        }
        return customizer;
    }

    private ChannelPipeline guard(ChannelPipeline pipeline) {
        if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null && pipeline.get(HANDLER) == null) {
            // Quiet means nothing read and nothing written: an answer's last write starts the keep-alive's count.
            IdleStateHandler idle = new IdleStateHandler(0, 0, timeout.toMillis(), TimeUnit.MILLISECONDS);
            ReadDemand demand = new ReadDemand(idle);
            pipeline.addFirst(IDLE, idle);
            pipeline.addAfter(IDLE, DEMAND, demand);
            pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER,
                    new StalledRequestHandler(idlePeriodsToClose(), demand, cuts));
            cuts.open();
        }
        return pipeline;
    }

    /** The keep-alive timeout in whole quiet periods, rounded up: 75 s at 10 s a period is 8 (80 s). */
    private long idlePeriodsToClose() {
        long period = timeout.toMillis();
        return Math.max(1, (keepAlive.toMillis() + period - 1) / period);
    }
}
