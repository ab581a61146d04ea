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
record Template(String id, String subject, String body, Set<String> placeholders) {

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
        return of(id, lines[0].substring(SUBJECT.length()), lines[2]);
    }

    /** A template from its two parts (as stored in the database), checked as a file would be. */
    static Template of(String id, String subject, String body) {
        String cleanSubject = subject.strip();
        String cleanBody = body.replace("\r\n", "\n").replace('\r', '\n').strip() + "\n";
        if (cleanSubject.isEmpty() || cleanBody.isBlank()) {
            throw new IllegalArgumentException("template '" + id + "' has an empty subject or body");
        }
        requireWellFormed(id, cleanSubject);
        requireWellFormed(id, cleanBody);
        return new Template(id, cleanSubject, cleanBody, placeholders(cleanSubject, cleanBody));
    }

    /** True if the text has a {@code ((} that does not begin a well-formed placeholder. */
    static boolean hasMalformedPlaceholder(String text) {
        return PLACEHOLDER.matcher(text).replaceAll("").contains("((");
    }

    /** The placeholder names in one piece of text, in order of first appearance. */
    static Set<String> placeholdersIn(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The placeholder names a template uses, in order of first appearance: found once, as it is made, not on every
     * message queued ({@link #requireFields}).
     */
    private static Set<String> placeholders(String subject, String body) {
        Set<String> names = new LinkedHashSet<>(placeholdersIn(subject));
        names.addAll(placeholdersIn(body));
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

    /** Throws {@link IllegalArgumentException} naming the missing fields, if any: what {@link #render} checks. */
    void requireFields(Map<String, String> fields) {
        List<String> missing = missingFields(fields);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("template '" + id + "' needs a value for " + missing);
        }
    }

    /** Fills every placeholder, or throws {@link IllegalArgumentException} naming the missing fields. */
    Rendered render(Map<String, String> fields) {
        requireFields(fields);
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
        if (hasMalformedPlaceholder(text)) {
            throw new IllegalArgumentException("template '" + id + "' has a malformed placeholder: use ((name)), "
                    + "a name of letters, digits, '-' or '_'");
        }
    }
}
