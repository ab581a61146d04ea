package org.carereview.consult.core.stall;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the connection has gone quiet: closed at once while a request is arriving and the service is asking for its
 * bytes, kept while an answer is owed or the service has not asked, and closed between requests only after the
 * keep-alive's number of quiet periods in a row (3 here). {@code channel.read()} is the service asking for more, as
 * Micronaut does (it reads on demand). Each close is counted by its reason.
 */
class StalledRequestHandlerTest {

    static final int KEEP_ALIVE_PERIODS = 3;

    final ConnectionCuts cuts = new ConnectionCuts();
    final EmbeddedChannel channel = channel();

    EmbeddedChannel channel() {
        ReadDemand demand = new ReadDemand(new IdleStateHandler(0, 0, 10, TimeUnit.SECONDS));
        StalledRequestHandler handler = new StalledRequestHandler(KEEP_ALIVE_PERIODS, demand, cuts);
        EmbeddedChannel channel = new EmbeddedChannel(demand, handler);
        channel.config().setAutoRead(false); // as Micronaut's server sets it
        return channel;
    }

    @Test
    void aBodyThatStopsArrivingIsCutOff() {
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/staff/sign-in"));
        channel.writeInbound(new DefaultHttpContent(Unpooled.copiedBuffer(new byte[]{'e', 'm'})));
        channel.read();

        quiet();

        assertFalse(channel.isOpen());
        assertCuts(0, 1, 0);
    }

    @Test
    void aBodyTheServiceHasNotAskedForYetIsNotTheClientsStall() {
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api/v1/submissions"));

        quiet();
        quiet();
        assertTrue(channel.isOpen(), "busy: the service has not read on, the rest may be in its own buffer");

        channel.read();
        firstQuiet(channel);
        assertFalse(channel.isOpen(), "asked for the rest, and nothing came for a whole period");
    }

    @Test
    void aConnectionThatNeverSendsARequestOrWaitsForTheNextIsClosed() {
        quiet();
        assertFalse(channel.isOpen(), "nothing sent, or headers still arriving");
        assertCuts(1, 0, 0);

        EmbeddedChannel reused = channel();
        reused.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/"));
        reused.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        firstQuiet(reused);
        reused.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        assertTrue(reused.isOpen(), "answered, and quiet for two periods of three");
        reused.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        assertFalse(reused.isOpen(), "answered, and quiet for the keep-alive since");
        assertCuts(1, 0, 1);
    }

    @Test
    void theKeepAliveCountStartsAgainAfterEveryAnswer() {
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api/v1/slow"));
        quiet();
        quiet();
        assertTrue(channel.isOpen(), "the answer is still being worked out");
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));

        firstQuiet(channel);
        assertTrue(channel.isOpen(), "quiet for one period since the answer, however long the request took");
        quiet();
        assertTrue(channel.isOpen());
        quiet();
        assertFalse(channel.isOpen());
    }

    @Test
    void aLongDownloadIsNeverCutWhileTheClientReadsAndSendsNothing() {
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/api/v1/triage/export.csv"));
        channel.writeOutbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        for (int chunk = 0; chunk < 5; chunk++) {
            channel.writeOutbound(new DefaultHttpContent(Unpooled.copiedBuffer(new byte[]{'r', '\n'})));
            quiet();
            assertTrue(channel.isOpen(), "still downloading after quiet spell " + chunk);
        }
        channel.writeOutbound(new DefaultLastHttpContent());

        firstQuiet(channel);
        quiet();
        quiet();

        assertFalse(channel.isOpen(), "closed once the answer is whole and the connection stays quiet");
    }

    @Test
    void aRequestStillBeingWorkedOutKeepsItsConnection() {
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api/v1/triage/bulk"));
        channel.writeInbound(new DefaultLastHttpContent(Unpooled.copiedBuffer(new byte[]{'{', '}'})));

        quiet();

        assertTrue(channel.isOpen());
        assertCuts(0, 0, 0);
    }

    @Test
    void otherEventsPassOn() {
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_WRITER_IDLE_STATE_EVENT);
        assertTrue(channel.isOpen());
    }

    /** The connections closed so far, by why. */
    private void assertCuts(long noRequest, long stalledBody, long keepAlive) {
        assertEquals(List.of(noRequest, stalledBody, keepAlive), List.of(cuts.closed(ConnectionCuts.Reason.NO_REQUEST),
                cuts.closed(ConnectionCuts.Reason.STALLED_BODY), cuts.closed(ConnectionCuts.Reason.KEEP_ALIVE)));
    }

    /** The first quiet period after something was read or written. */
    private static void firstQuiet(EmbeddedChannel on) {
        on.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_ALL_IDLE_STATE_EVENT);
    }

    /** Another quiet period in a row (nothing read or written since the last one). */
    private void quiet() {
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
    }
}
