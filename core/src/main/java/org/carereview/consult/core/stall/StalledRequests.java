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
 * is never cut ({@link StalledRequestHandler}).
 */
@Singleton
final class StalledRequests implements BeanCreatedEventListener<ChannelPipelineCustomizer> {

    static final String IDLE = "consult-stalled-idle";
    static final String HANDLER = "consult-stalled-request";

    private final Duration timeout;

    StalledRequests(@Value("${consult.stalled-request-timeout:10s}") Duration timeout) {
        this.timeout = timeout;
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
            pipeline.addFirst(IDLE, new IdleStateHandler(timeout.toMillis(), 0, 0, TimeUnit.MILLISECONDS));
            pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER, new StalledRequestHandler());
        }
        return pipeline;
    }
}
