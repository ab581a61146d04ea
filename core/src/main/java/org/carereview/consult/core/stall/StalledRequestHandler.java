package org.carereview.consult.core.stall;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Sits behind the HTTP codec of one connection and decides, each time the connection has been quiet (nothing read,
 * nothing written) for the stalled-request timeout, whether to close it. It closes at once while a request is still
 * arriving (a stalled body or, before any request, stalled headers); it closes a connection waiting idle for its
 * next request only once it has been quiet for the keep-alive timeout since its last answer; and it keeps the
 * connection while every request has arrived and an answer is still being worked out or written, however long a
 * download takes (a client reading a long export sends nothing).
 *
 * <p>The quiet is counted from the last answer, not from the last request: a connection whose answer took longer
 * than the timeout must not be closed moments after that answer, just as its client sends the next request on it.
 * And a request is cut as stalled only while the service is asking for its bytes ({@link ReadDemand}): a body the
 * service has not yet asked for, waiting in its own receive buffer while the service is busy, is not the client's
 * stall.
 */
final class StalledRequestHandler extends ChannelDuplexHandler {

    /** How many quiet periods in a row, while idle between requests, close the connection (at least one). */
    private final long idlePeriodsToClose;
    private final ReadDemand demand;
    private final ConnectionCuts cuts;
    private long requests;
    private long answered;
    private boolean bodyArriving;
    private long quietPeriods;

    StalledRequestHandler(long idlePeriodsToClose, ReadDemand demand, ConnectionCuts cuts) {
        this.idlePeriodsToClose = Math.max(1, idlePeriodsToClose);
        this.demand = demand;
        this.cuts = cuts;
    }

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
        if (event instanceof IdleStateEvent idle && idle.state() == IdleState.ALL_IDLE) {
            // Our own idle timer's event stops here: passed on, Micronaut would close even a download.
            quietPeriods = idle.isFirst() ? 1 : quietPeriods + 1;
            boolean arriving = bodyArriving || requests == 0;
            boolean stalled = arriving && demand.waitingForClient();
            boolean idleBetweenRequests = !arriving && answered >= requests;
            if (stalled) {
                cuts.close(requests == 0 ? ConnectionCuts.Reason.NO_REQUEST : ConnectionCuts.Reason.STALLED_BODY);
                ctx.close();
            } else if (idleBetweenRequests && quietPeriods >= idlePeriodsToClose) {
                cuts.close(ConnectionCuts.Reason.KEEP_ALIVE);
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }
}
