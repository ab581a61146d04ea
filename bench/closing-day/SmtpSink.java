import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.FileWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local SMTP sink for the closing-day benchmark: plain SMTP on 127.0.0.1 (no TLS, no AUTH), answering EHLO/HELO,
 * MAIL, RCPT, DATA, RSET, NOOP and QUIT. For every message it appends one line, "recipient TAB reference", to
 * the output file (reference empty when the body names none), flushed at once so a reader sees each message as
 * soon as it has been accepted. The body is searched as sent, then quoted-printable-decoded, then base64-decoded,
 * since the mail library chooses the transfer encoding.
 *
 * java SmtpSink.java PORT OUTPUT_FILE
 */
public class SmtpSink {

    private static final Pattern REFERENCE = Pattern.compile("(CFA|EBE|DDF)-[0-9A-Z]{4}-[0-9A-Z]{4}");
    private static final AtomicLong MESSAGES = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        PrintWriter out = new PrintWriter(new FileWriter(args[1], StandardCharsets.UTF_8, true));
        ExecutorService pool = Executors.newCachedThreadPool();
        try (ServerSocket server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress())) {
            System.out.println("smtp sink listening on 127.0.0.1:" + port);
            while (true) {
                Socket socket = server.accept();
                pool.execute(() -> serve(socket, out));
            }
        }
    }

    private static void serve(Socket socket, PrintWriter out) {
        try (socket) {
            socket.setSoTimeout(60_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream os = socket.getOutputStream();
            reply(os, "220 bench-sink ESMTP ready");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase();
                if (upper.startsWith("EHLO")) {
                    reply(os, "250-bench-sink\r\n250-8BITMIME\r\n250-SIZE 10485760\r\n250 OK");
                } else if (upper.startsWith("HELO")) {
                    reply(os, "250 bench-sink");
                } else if (upper.startsWith("MAIL FROM")) {
                    recipients.clear();
                    reply(os, "250 OK");
                } else if (upper.startsWith("RCPT TO")) {
                    String r = line.substring(line.indexOf(':') + 1).trim();
                    if (r.startsWith("<")) {
                        r = r.substring(1, r.indexOf('>') > 0 ? r.indexOf('>') : r.length());
                    }
                    recipients.add(r);
                    reply(os, "250 OK");
                } else if (upper.equals("DATA")) {
                    reply(os, "354 End data with <CR><LF>.<CR><LF>");
                    StringBuilder body = new StringBuilder();
                    String d;
                    while ((d = in.readLine()) != null && !d.equals(".")) {
                        body.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
                    }
                    String reference = findReference(body.toString());
                    synchronized (out) {
                        for (String r : recipients) {
                            out.println(r + "\t" + (reference == null ? "" : reference));
                        }
                        out.flush();
                    }
                    MESSAGES.incrementAndGet();
                    recipients.clear();
                    reply(os, "250 OK queued as " + MESSAGES.get());
                } else if (upper.startsWith("RSET")) {
                    recipients.clear();
                    reply(os, "250 OK");
                } else if (upper.startsWith("NOOP")) {
                    reply(os, "250 OK");
                } else if (upper.startsWith("QUIT")) {
                    reply(os, "221 Bye");
                    return;
                } else {
                    reply(os, "502 Command not implemented");
                }
            }
        } catch (IOException e) {
            System.err.println("smtp sink connection: " + e);
        }
    }

    private static void reply(OutputStream os, String text) throws IOException {
        os.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        os.flush();
    }

    static String findReference(String message) {
        Matcher m = REFERENCE.matcher(message);
        if (m.find()) {
            return m.group();
        }
        m = REFERENCE.matcher(quotedPrintable(message));
        if (m.find()) {
            return m.group();
        }
        // base64 parts: decode every run of base64-looking lines after a blank line.
        StringBuilder block = new StringBuilder();
        for (String l : message.split("\r\n")) {
            if (l.matches("[A-Za-z0-9+/=]{4,}")) {
                block.append(l);
            } else if (block.length() > 0) {
                String found = decode64(block.toString());
                if (found != null) {
                    return found;
                }
                block.setLength(0);
            }
        }
        return block.length() > 0 ? decode64(block.toString()) : null;
    }

    private static String decode64(String text) {
        try {
            Matcher m = REFERENCE.matcher(new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8));
            return m.find() ? m.group() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String quotedPrintable(String text) {
        String joined = text.replace("=\r\n", "");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length()) {
                try {
                    out.append((char) Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                    i += 2;
                    continue;
                } catch (NumberFormatException ignored) {
                    // not an escape
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
