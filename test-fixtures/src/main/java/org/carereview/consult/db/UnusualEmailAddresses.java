package org.carereview.consult.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared list of unusual email addresses ({@code fixtures/unusual-email-addresses.txt}), each with what a
 * field that takes an address must do with it as typed. Every module's tests that send addresses through a
 * field, or into the outbox, read this one list.
 */
public final class UnusualEmailAddresses {

    /** One address as typed, and whether a field takes it. */
    public record Address(String typed, boolean accepted) {

        /** The address as the file writes it (escapes kept), for test messages. */
        public String shown() {
            StringBuilder b = new StringBuilder();
            typed.chars().forEach(c -> b.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                    : String.format("\\u%04x", c)));
            return b.length() > 80 ? b.substring(0, 40) + "…(" + typed.length() + " characters)" : b.toString();
        }
    }

    private static final String RESOURCE = "/fixtures/unusual-email-addresses.txt";

    private UnusualEmailAddresses() {
    }

    public static List<Address> all() {
        try (InputStream in = UnusualEmailAddresses.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            List<Address> addresses = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String verdict = line.substring(0, tab);
                if (!verdict.equals("accept") && !verdict.equals("refuse")) {
                    throw new IllegalStateException("unknown verdict in " + RESOURCE + ": " + line);
                }
                addresses.add(new Address(unescape(line.substring(tab + 1)), verdict.equals("accept")));
            }
            return List.copyOf(addresses);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The accepted addresses. */
    public static List<Address> accepted() {
        return all().stream().filter(Address::accepted).toList();
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 't' -> b.append('\t');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case '\\' -> b.append('\\');
                default -> b.append('\\').append(next);
            }
        }
        return b.toString();
    }
}
