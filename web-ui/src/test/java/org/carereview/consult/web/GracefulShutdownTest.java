package org.carereview.consult.web;

import org.carereview.consult.db.FreePorts;
import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A deploy stops a node with SIGTERM. The service, started as its own process on a real database, is sent half a
 * request, then SIGTERM: it takes no new connections, answers the half-sent request once the rest arrives, and
 * stops.
 */
class GracefulShutdownTest {

    private static final byte[] BODY = "{\"email\":\"nobody@example.org\",\"password\":\"a wrong password here\"}"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void aRequestHalfSentWhenTheNodeIsToldToStopIsStillAnswered() throws Exception {
        int port = FreePorts.next();
        Process node = start(port);
        try (BufferedReader log = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            waitFor(log, "Startup completed");
            try (Socket held = new Socket(InetAddress.getLoopbackAddress(), port)) {
                held.setSoTimeout(15_000);
                OutputStream out = held.getOutputStream();
                BufferedReader in = new BufferedReader(new InputStreamReader(held.getInputStream(), StandardCharsets.US_ASCII));
                // "Expect: 100-continue": the node says when it has read the headers, so the request is under way.
                out.write(("POST /api/v1/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                        + "Expect: 100-continue\r\nContent-Length: " + BODY.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String interim = in.readLine();
                assertTrue(interim != null && interim.startsWith("HTTP/1.1 100"), "the node read the headers: " + interim);
                in.readLine();
                out.write(BODY, 0, 20);
                out.flush();

                node.destroy(); // SIGTERM
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while (takesConnections(port)) {
                    if (System.nanoTime() > deadline) {
                        fail("still taking new connections 15 s after SIGTERM");
                    }
                }
                out.write(BODY, 20, BODY.length - 20);
                out.flush();
                String status = in.readLine();
                assertTrue(status != null && status.startsWith("HTTP/1.1 401"), "answered after SIGTERM: " + status);
            }
            assertTrue(node.waitFor(30, TimeUnit.SECONDS), "the node stopped once it had answered");
        } finally {
            node.destroyForcibly();
        }
    }

    private static Process start(int port) throws IOException {
        TestDatabase.Coordinates database = TestDatabase.fresh();
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-Dlogback.configurationFile=" + Path.of("src/main/resources/logback.xml").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), Application.class.getName());
        Map<String, String> env = builder.environment();
        env.put("DATASOURCES_DEFAULT_URL", database.url());
        env.put("DATASOURCES_DEFAULT_USERNAME", database.username());
        env.put("DATASOURCES_DEFAULT_PASSWORD", database.password());
        env.put("JWT_SECRET", "graceful-shutdown-test-secret-0123456789abcdef");
        env.put("CONSULT_ENCRYPTION_KEYS", "test:" + Base64.getEncoder().encodeToString(key));
        env.put("CONSULT_ENCRYPTION_CURRENT", "test");
        env.put("CONSULT_MAIL_WRITE_FILES", "true");
        env.put("CONSULT_MAIL_FOLDER", Path.of("target/graceful-shutdown-mail").toAbsolutePath().toString());
        env.put("CONSULT_LOG_FORMAT", "text");
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        builder.redirectErrorStream(true);
        return builder.start();
    }

    /** Reads the node's log until a line holds {@code text}; fails if the node exits first. */
    private static void waitFor(BufferedReader log, String text) throws IOException {
        for (String line = log.readLine(); line != null; line = log.readLine()) {
            if (line.contains(text)) {
                return;
            }
        }
        fail("the node stopped before logging '" + text + "'");
    }

    private static boolean takesConnections(int port) {
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException other) {
            return false;
        }
    }

}
