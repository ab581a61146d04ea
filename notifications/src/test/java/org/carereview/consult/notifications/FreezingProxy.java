package org.carereview.consult.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay in front of PostgreSQL that can forget its open connections the way a firewall or NAT forgets an idle
 * flow: from then on their bytes go nowhere, and neither end is told. Connections made afterwards relay as before.
 */
final class FreezingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String host;
    private final int port;
    private final String query;
    private final List<Relay> relays = new CopyOnWriteArrayList<>();

    /** A relay to the database at {@code jdbcUrl} (jdbc:postgresql://host:port/database?...). */
    FreezingProxy(String jdbcUrl) throws IOException {
        URI target = URI.create(jdbcUrl.substring("jdbc:".length()));
        this.host = target.getHost();
        this.port = target.getPort() < 0 ? 5432 : target.getPort();
        this.query = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "freezing-proxy");
        accepting.setDaemon(true);
        accepting.start();
    }

    /** The same database's address, through this relay. */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + query;
    }

    /** Every connection open now stops carrying bytes, without either end being told. */
    void forgetOpenConnections() {
        relays.forEach(relay -> relay.forgotten.set(true));
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket database = new Socket();
                database.connect(new InetSocketAddress(host, port));
                Relay relay = new Relay(client, database, new AtomicBoolean());
                relays.add(relay);
                pump(client, database, relay.forgotten);
                pump(database, client, relay.forgotten);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void pump(Socket from, Socket to, AtomicBoolean forgotten) {
        Thread pumping = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (!forgotten.get()) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // one end closed: the other follows below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "freezing-proxy-pump");
        pumping.setDaemon(true);
        pumping.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Relay relay : relays) {
            closeQuietly(relay.client);
            closeQuietly(relay.database);
        }
    }

    private record Relay(Socket client, Socket database, AtomicBoolean forgotten) {
    }
}
