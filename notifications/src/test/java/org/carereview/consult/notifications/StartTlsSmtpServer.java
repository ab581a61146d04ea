package org.carereview.consult.notifications;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny SMTP server that offers STARTTLS with the test certificate (resources {@code tls/localhost.p12}) and
 * refuses mail until TLS is up, as a real submission server would. It keeps what it was sent over TLS.
 */
final class StartTlsSmtpServer implements AutoCloseable {

    private static final char[] PASSWORD = "test-only-password".toCharArray();

    private final ServerSocket socket;
    private final SSLContext tls;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    StartTlsSmtpServer(int port) throws IOException {
        this.tls = context(keyStore());
        socket = new ServerSocket(port, 10, InetAddress.getByName(TestSupport.LOCALHOST));
        Thread acceptor = new Thread(this::acceptLoop, "starttls-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Message bodies (headers and all) received after STARTTLS. */
    List<String> received() {
        return received;
    }

    /** Handshakes the server saw fail (the client refused the certificate). */
    List<String> failures() {
        return failures;
    }

    /** A client socket factory that trusts the test certificate, as a JVM given its CA would. */
    static SSLSocketFactory trustingClients() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("test", keyStore().getCertificate("localhost"));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (SocketException closed) {
                if (socket.isClosed()) {
                    return;
                }
            } catch (IOException e) {
                failures.add(e.toString());
            }
        }
    }

    private void converse(Socket plain) throws IOException {
        Socket client = plain;
        boolean secure = false;
        BufferedReader in = reader(client);
        PrintWriter out = writer(client);
        reply(out, "220 starttls.test ESMTP");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO")) {
                reply(out, secure ? "250 starttls.test" : "250-starttls.test\r\n250 STARTTLS");
            } else if (command.startsWith("STARTTLS") && !secure) {
                reply(out, "220 2.0.0 Ready to start TLS");
                SSLSocket wrapped = (SSLSocket) tls.getSocketFactory().createSocket(plain, TestSupport.LOCALHOST,
                        plain.getPort(), false);
                wrapped.setUseClientMode(false);
                wrapped.startHandshake();
                client = wrapped;
                secure = true;
                in = reader(client);
                out = writer(client);
            } else if (!secure && (command.startsWith("MAIL") || command.startsWith("RCPT") || command.startsWith("DATA"))) {
                reply(out, "530 5.7.0 Must issue a STARTTLS command first");
            } else if (command.startsWith("DATA")) {
                reply(out, "354 End data with <CR><LF>.<CR><LF>");
                StringBuilder message = new StringBuilder();
                for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                    message.append(data).append('\n');
                }
                received.add(message.toString());
                reply(out, "250 2.0.0 Queued");
            } else if (command.startsWith("QUIT")) {
                reply(out, "221 2.0.0 Bye");
                return;
            } else {
                reply(out, "250 2.0.0 OK");
            }
        }
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    private static PrintWriter writer(Socket socket) throws IOException {
        return new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    private static KeyStore keyStore() {
        try (InputStream file = StartTlsSmtpServer.class.getResourceAsStream("/tls/localhost.p12")) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(file, PASSWORD);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext context(KeyStore keys) {
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
