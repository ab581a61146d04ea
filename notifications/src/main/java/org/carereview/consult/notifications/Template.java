package org.carereview.consult.notifications;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message template in GOV.UK Notify style: a subject and a plain-text body with {@code ((name))}
 * placeholders. Rendering is pure: values are inserted literally, once, and never re-read as template text.
 * Exception messages name templates and placeholders, never a value.
 */
record Template(String id, String subject, String body) {

    /** A rendered message, ready to send. */
    record Rendered(String subject, String body) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([A-Za-z][A-Za-z0-9_-]*)\\)\\)");
    private static final String SUBJECT = "Subject:";

    /** Parses a template file: {@code Subject: ...}, a blank line, then the body. */
    static Template parse(String id, String text) {
        String normal = text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
        String[] lines = normal.split("\n", 3);
        if (lines.length < 3 || !lines[0].startsWith(SUBJECT) || !lines[1].isBlank()) {
            throw new IllegalArgumentException("template '" + id
                    + "' must start with a 'Subject: ...' line, then a blank line, then the body");
        }
        String subject = lines[0].substring(SUBJECT.length()).strip();
        String body = lines[2].strip() + "\n";
        if (subject.isEmpty() || body.isBlank()) {
            throw new IllegalArgumentException("template '" + id + "' has an empty subject or body");
        }
        requireWellFormed(id, subject);
        requireWellFormed(id, body);
        return new Template(id, subject, body);
    }

    /** The placeholder names this template uses, in order of first appearance. */
    Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        for (String part : List.of(subject, body)) {
            Matcher m = PLACEHOLDER.matcher(part);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return Collections.unmodifiableSet(names);
    }

    /** Placeholders with no (or a null) value in {@code fields}; extra fields are allowed and ignored. */
    List<String> missingFields(Map<String, String> fields) {
        List<String> missing = new ArrayList<>();
        for (String name : placeholders()) {
            if (fields.get(name) == null) {
                missing.add(name);
            }
        }
        return missing;
    }

    /** Fills every placeholder, or throws {@link IllegalArgumentException} naming the missing fields. */
    Rendered render(Map<String, String> fields) {
        List<String> missing = missingFields(fields);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("template '" + id + "' needs a value for " + missing);
        }
        // A header is one line: a value with line breaks must not start a new header.
        String renderedSubject = fill(subject, fields).replaceAll("[\\r\\n]+", " ");
        return new Rendered(renderedSubject, fill(body, fields));
    }

    private static String fill(String text, Map<String, String> fields) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start()).append(fields.get(m.group(1)));
            last = m.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    private static void requireWellFormed(String id, String text) {
        String rest = PLACEHOLDER.matcher(text).replaceAll("");
        if (rest.contains("((")) {
            throw new IllegalArgumentException("template '" + id + "' has a malformed placeholder: use ((name)), "
                    + "a name of letters, digits, '-' or '_'");
        }
    }
}
