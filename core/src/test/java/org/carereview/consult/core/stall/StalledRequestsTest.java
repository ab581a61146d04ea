package org.carereview.consult.core.stall;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.netty.channel.EventLoopGroupRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import jakarta.inject.Inject;
import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over real sockets: a client that stops sending half way through a form post, or through its headers, is cut off
 * once it has been quiet for {@code consult.stalled-request-timeout} (1 second here), and the server goes on
 * answering everyone else; a connection kept alive between requests is closed only after
 * {@code consult.keep-alive-timeout} (3 seconds here) without a request since its last answer. "A second has passed"
 * is shown without sleeping: by waiting for a fresh connection that sends nothing to be cut off. And a request whose
 * bytes came while the service's event loops were all busy is read before the guard looks at its quiet: the guard's
 * timer runs on the connection's own event loop, which reads what waits in the kernel before it runs its timers (with
 * the timer on a thread of its own, the test fails: the connection is cut).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StalledRequestsTest implements TestPropertyProvider {

    /** How long a socket read may wait before the test gives up: far longer than the 1-second timeout. */
    static final int GIVE_UP_MILLIS = 30_000;
    static final String ROUTE_PROPERTY = "consult.test.slow-answer-route";
    static final String SLOW = "GET /api/test/slow-answer HTTP/1.1\r\nHost: localhost\r\n\r\n";
    static final String QUICK = "GET /api/v1/no-such-route HTTP/1.1\r\nHost: localhost\r\n\r\n";
    /** How long a test holds the service's event loops: twice the stalled-request timeout (1 second here). */
    static final long PAUSE_MILLIS = 2_000;

    /** Held until the test lets the slow answer go. */
    static volatile CountDownLatch release = new CountDownLatch(1);

    /** A test-only route whose answer waits for the test, as an answer does when the service is busy. */
    @Controller
    @Requires(property = ROUTE_PROPERTY, value = "true")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @ExecuteOn(TaskExecutors.BLOCKING)
    static class SlowAnswerController {
        @Get("/api/test/slow-answer")
        String slow() throws InterruptedException {
            return release.await(GIVE_UP_MILLIS, TimeUnit.MILLISECONDS) ? "answered late" : "never released";
        }
    }

    @Inject
    EmbeddedServer server;

    @Inject
    ConnectionCuts cuts;

    @Inject
    EventLoopGroupRegistry loops;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.stalled-request-timeout", "1s");
        properties.put("consult.keep-alive-timeout", "3s");
        properties.put(ROUTE_PROPERTY, "true");
        return properties;
    }

    @Test
    void halfSentFormPostsAreCutOffAndOthersAreStillAnswered() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        long opened = cuts.opened();
        long cutBodies = cuts.closed(ConnectionCuts.Reason.STALLED_BODY);
        try {
            for (int i = 0; i < 20; i++) {
                Socket socket = open();
                send(socket, "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nemail=someone%40exa");
                stalled.add(socket);
            }
            for (Socket socket : stalled) {
                assertEquals("", readToClose(socket.getInputStream()), "closed without an answer");
            }
            assertEquals(20, cuts.opened() - opened, "each connection counted as it was taken");
            assertEquals(20, cuts.closed(ConnectionCuts.Reason.STALLED_BODY) - cutBodies,
                    "each cut counted as a stalled body");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        try (Socket fresh = open()) {
            send(fresh, "GET /api/v1/no-such-route HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertTrue(readToClose(fresh.getInputStream()).startsWith("HTTP/1.1 "), "a whole request is answered");
        }
    }

    @Test
    void headersThatStopArrivingAreCutOff() throws Exception {
        long before = cuts.closed(ConnectionCuts.Reason.NO_REQUEST);
        try (Socket socket = open()) {
            send(socket, "GET / HTTP/1.1\r\nHost: loc");
            assertEquals("", readToClose(socket.getInputStream()));
        }
        assertEquals(1, cuts.closed(ConnectionCuts.Reason.NO_REQUEST) - before, "counted as no request");
    }

    @Test
    void anIdleKeptAliveConnectionIsClosedOnceQuietForTheKeepAliveTimeout() throws Exception {
        long before = cuts.closed(ConnectionCuts.Reason.KEEP_ALIVE);
        try (Socket socket = open()) {
            send(socket, QUICK);
            String answer = readToClose(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 404"), "answered first, then closed when quiet: " + answer);
        }
        assertEquals(1, cuts.closed(ConnectionCuts.Reason.KEEP_ALIVE) - before, "counted as a kept-alive connection");
    }

    @Test
    void aKeptAliveConnectionOutlivesTheStalledRequestTimeout() throws Exception {
        try (Socket kept = open()) {
            send(kept, QUICK);
            assertTrue(readAnswer(kept.getInputStream()).startsWith("HTTP/1.1 404"));
            oneQuietPeriodPasses();
            send(kept, QUICK);
            assertTrue(readAnswer(kept.getInputStream()).startsWith("HTTP/1.1 404"),
                    "the next request on a connection quiet for more than the stalled timeout is answered");
        }
    }

    @Test
    void theKeepAliveIsCountedFromTheAnswerNotFromTheRequest() throws Exception {
        release = new CountDownLatch(1);
        try (Socket kept = open()) {
            send(kept, SLOW);
            oneQuietPeriodPasses();
            release.countDown();
            String late = readAnswer(kept.getInputStream());
            assertTrue(late.startsWith("HTTP/1.1 200") && late.endsWith("answered late"), late);
            oneQuietPeriodPasses();
            send(kept, QUICK);
            assertTrue(readAnswer(kept.getInputStream()).startsWith("HTTP/1.1 404"),
                    "a slow answer's connection stays open for its next request");
        }
    }

    @Test
    void aRequestSentWhileTheServiceIsPausedIsAnsweredNotCutAsTheClientsStall() throws Exception {
        long opened = cuts.opened();
        long cutBefore = cuts.closed(ConnectionCuts.Reason.NO_REQUEST);
        try (Socket socket = open()) {
            long giveUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GIVE_UP_MILLIS);
            while (cuts.opened() == opened) { // until the service has taken it and counts its quiet
                assertTrue(System.nanoTime() < giveUp, "the connection was taken");
                Thread.yield();
            }
            List<Future<?>> pauses = pauseEveryEventLoop();
            send(socket, "GET /api/v1/no-such-route HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            for (Future<?> pause : pauses) {
                pause.get(GIVE_UP_MILLIS, TimeUnit.MILLISECONDS);
            }
            String answer = readToClose(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 404"), "its bytes waited on the service, not the client: " + answer);
        }
        assertEquals(cutBefore, cuts.closed(ConnectionCuts.Reason.NO_REQUEST), "not counted as a cut");
    }

    /**
     * Holds every event loop of the service busy for twice the stalled-request timeout, as a service short of CPU
     * does, and returns once all of them are held: a connection's quiet runs out during the pause.
     */
    private List<Future<?>> pauseEveryEventLoop() throws InterruptedException {
        EventLoopGroup group = loops.getDefaultEventLoopGroup();
        List<EventExecutor> executors = new ArrayList<>();
        group.forEach(executors::add);
        CountDownLatch held = new CountDownLatch(executors.size());
        List<Future<?>> pauses = new ArrayList<>();
        for (EventExecutor executor : executors) {
            pauses.add(executor.submit(() -> {
                held.countDown();
                TimeUnit.MILLISECONDS.sleep(PAUSE_MILLIS); // the modelled pause itself, not a wait for a result
                return null;
            }));
        }
        assertTrue(held.await(GIVE_UP_MILLIS, TimeUnit.MILLISECONDS), "every event loop held");
        return pauses;
    }

    /** A fresh connection that sends nothing is cut off after one quiet period: by then that much time has passed. */
    private void oneQuietPeriodPasses() throws Exception {
        try (Socket silent = open()) {
            assertEquals("", readToClose(silent.getInputStream()));
        }
    }

    private Socket open() throws Exception {
        Socket socket = new Socket(server.getHost(), server.getPort());
        socket.setSoTimeout(GIVE_UP_MILLIS);
        return socket;
    }

    private static void send(Socket socket, String text) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One answer with a Content-Length body, read to its last byte, the connection left open. */
    private static String readAnswer(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("closed before an answer; read so far: " + head);
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }

    /** Everything the server sends until it closes the connection (a read timeout fails the test). */
    private static String readToClose(InputStream in) throws Exception {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
