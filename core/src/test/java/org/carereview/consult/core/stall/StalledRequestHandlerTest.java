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
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the client has gone quiet, a connection is closed unless an answer to a whole request is still owed. */
class StalledRequestHandlerTest {

    final EmbeddedChannel channel = new EmbeddedChannel(new StalledRequestHandler());

    @Test
    void aBodyThatStopsArrivingIsCutOff() {
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/staff/sign-in"));
        channel.writeInbound(new DefaultHttpContent(Unpooled.copiedBuffer(new byte[]{'e', 'm'})));

        quiet();

        assertFalse(channel.isOpen());
    }

    @Test
    void aConnectionThatNeverSendsARequestOrWaitsForTheNextIsClosed() {
        quiet();
        assertFalse(channel.isOpen(), "nothing sent, or headers still arriving");

        EmbeddedChannel reused = new EmbeddedChannel(new StalledRequestHandler());
        reused.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/"));
        reused.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        reused.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        assertFalse(reused.isOpen(), "answered, and idle since");
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

        quiet();

        assertFalse(channel.isOpen(), "closed once the answer is whole and the client stays quiet");
    }

    @Test
    void aRequestStillBeingWorkedOutKeepsItsConnection() {
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api/v1/triage/bulk"));
        channel.writeInbound(new DefaultLastHttpContent(Unpooled.copiedBuffer(new byte[]{'{', '}'})));

        quiet();

        assertTrue(channel.isOpen());
    }

    @Test
    void otherEventsPassOn() {
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_WRITER_IDLE_STATE_EVENT);
        assertTrue(channel.isOpen());
    }

    private void quiet() {
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);
    }
}
