package org.carereview.consult.notifications;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real (if tiny) SMTP server that refuses every recipient with {@code 550} (or another reply): GreenMail accepts anyone, and
 * a permanent rejection must be tested over a real SMTP conversation. Given a {@code 250} reply it accepts every
 * message instead, and counts the connections (greetings) they came over.
 */
final class RejectingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread acceptor;
    private final AtomicInteger rejectedRecipients = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger greetings = new AtomicInteger();
    private final String recipientReply;
    private volatile String lastGreeting = "";

    RejectingSmtpServer(int port) throws IOException {
        this(port, "550 5.1.1 No such mailbox here");
    }

    /** A server that answers every recipient with this reply (a 5xx of the caller's choosing). */
    RejectingSmtpServer(int port, String recipientReply) throws IOException {
        this.recipientReply = recipientReply;
        socket = new ServerSocket(port, 10, InetAddress.getByName(TestSupport.LOCALHOST));
        acceptor = new Thread(this::acceptLoop, "rejecting-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The last EHLO or HELO line a client sent. */
    String lastGreeting() {
        return lastGreeting;
    }

    int rejectedRecipients() {
        return rejectedRecipients.get();
    }

    /** Messages accepted (only when the recipient reply is a 250). */
    int accepted() {
        return accepted.get();
    }

    /** EHLO or HELO lines received: one per connection. */
    int greetings() {
        return greetings.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (SocketException closed) {
                return; // close() was called: the server is done
            } catch (IOException e) {
                System.err.println("rejecting SMTP server: " + e);
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
        reply(out, "220 rejecting.test ESMTP");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.toUpperCase(Locale.ROOT);
            boolean accepting = recipientReply.startsWith("250");
            if (command.startsWith("RCPT")) {
                if (!accepting) {
                    rejectedRecipients.incrementAndGet();
                }
                reply(out, recipientReply);
            } else if (command.startsWith("DATA") && accepting) {
                reply(out, "354 End data with <CR><LF>.<CR><LF>");
                for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                    // the message itself is not kept
                }
                accepted.incrementAndGet();
                reply(out, "250 2.0.0 Queued");
            } else if (command.startsWith("QUIT")) {
                reply(out, "221 2.0.0 Bye");
                return;
            } else if (command.startsWith("DATA")) {
                reply(out, "554 5.5.1 No valid recipients");
            } else {
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    lastGreeting = line;
                    greetings.incrementAndGet();
                }
                reply(out, "250 OK");
            }
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
