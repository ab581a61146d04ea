package org.carereview.consult.core.stall;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over real sockets: a client that stops sending half way through a form post, or through its headers, is cut off
 * once it has been quiet for {@code consult.stalled-request-timeout} (1 second here), and the server goes on
 * answering everyone else.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StalledRequestsTest implements TestPropertyProvider {

    /** How long a socket read may wait before the test gives up: far longer than the 1-second timeout. */
    static final int GIVE_UP_MILLIS = 30_000;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.stalled-request-timeout", "1s");
        return properties;
    }

    @Test
    void halfSentFormPostsAreCutOffAndOthersAreStillAnswered() throws Exception {
        List<Socket> stalled = new ArrayList<>();
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
        try (Socket socket = open()) {
            send(socket, "GET / HTTP/1.1\r\nHost: loc");
            assertEquals("", readToClose(socket.getInputStream()));
        }
    }

    @Test
    void anIdleKeptAliveConnectionIsClosedAfterItsAnswer() throws Exception {
        try (Socket socket = open()) {
            send(socket, "GET /api/v1/no-such-route HTTP/1.1\r\nHost: localhost\r\n\r\n");
            String answer = readToClose(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 "), "answered first, then closed when quiet: " + answer);
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

    /** Everything the server sends until it closes the connection (a read timeout fails the test). */
    private static String readToClose(InputStream in) throws Exception {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
