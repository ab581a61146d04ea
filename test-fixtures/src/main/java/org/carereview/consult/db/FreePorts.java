package org.carereview.consult.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A port no one is listening on, on 127.0.0.1, for a test's own server (an SMTP sink), so test classes never clash.
 *
 * <p>The port comes from below the kernel's ephemeral range, not from it: a test chooses its port when its class
 * loads and binds it later, and a port from the ephemeral range (what {@code new ServerSocket(0)} gives) can be taken
 * in between by any outgoing connection (a JDBC or HTTP client's local end). That happened in CI: "Could not start
 * mail server smtp:127.0.0.1:33521". Below the range only another listener can take it, and none here does. A port
 * is never handed out twice by one JVM.
 */
public final class FreePorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LINUX_DEFAULT_FIRST_EPHEMERAL = 32768;
    private static final int SPAN = 12_000;
    private static final Set<Integer> GIVEN = new HashSet<>();

    private FreePorts() {
    }

    public static synchronized int next() {
        int top = firstEphemeral() - 1;
        int bottom = Math.max(1024, top - SPAN);
        if (top - bottom < 1000) {
            return anyFree();
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(bottom, top + 1);
            if (!GIVEN.contains(port) && bindable(port) && GIVEN.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + bottom + " and " + top);
    }

    private static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int firstEphemeral() {
        try {
            String[] range = Files.readString(EPHEMERAL_RANGE, StandardCharsets.US_ASCII).trim().split("\\s+");
            return Integer.parseInt(range[0]);
        } catch (IOException | RuntimeException notLinux) {
            return LINUX_DEFAULT_FIRST_EPHEMERAL;
        }
    }
}
