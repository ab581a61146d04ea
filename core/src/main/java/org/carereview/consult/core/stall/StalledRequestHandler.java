package org.carereview.consult.core.stall;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Sits behind the HTTP codec of one connection and decides, when the client has sent nothing for the configured
 * time, whether to close it. It closes while a request is still arriving (a stalled body or, before any request,
 * stalled headers) and while the connection waits idle for the next request; it keeps the connection while every
 * request has arrived and an answer is still being worked out or written, however long a download takes (a
 * client reading a long export sends nothing).
 */
final class StalledRequestHandler extends ChannelDuplexHandler {

    private long requests;
    private long answered;
    private boolean bodyArriving;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            requests++;
            bodyArriving = true;
        }
        if (msg instanceof LastHttpContent) {
            bodyArriving = false;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof LastHttpContent) {
            answered++;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
            // Our own idle timer's event stops here: passed on, Micronaut would close even a download.
            if (bodyArriving || answered >= requests) {
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }
}
