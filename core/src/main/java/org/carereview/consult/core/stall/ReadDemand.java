package org.carereview.consult.core.stall;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateHandler;

/**
 * Sits in front of the HTTP codec and knows whether the service has asked for more of the client's bytes and not
 * yet had them. Micronaut reads a connection only on demand (auto-read off): while a request waits for a server
 * thread it may not read the rest of its body, and the client's bytes wait in our own receive buffer. The
 * stalled-request guard must not blame the client for that pause, so quiet counts from when we asked.
 */
final class ReadDemand extends ChannelDuplexHandler {

    private final IdleStateHandler idle;
    /** A connection starts with a read asked for: Micronaut asks as its handler is added, before this one may be. */
    private boolean asked = true;

    ReadDemand(IdleStateHandler idle) {
        this.idle = idle;
    }

    /** True when the service asked for bytes and none have come since. */
    boolean waitingForClient() {
        return asked;
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (!asked) {
            asked = true;
            idle.resetReadTimeout();
        }
        ctx.read();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        asked = false;
        ctx.fireChannelReadComplete();
    }
}
