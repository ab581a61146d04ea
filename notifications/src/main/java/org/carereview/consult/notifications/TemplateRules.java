package org.carereview.consult.notifications;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What an edited template must be, so that every message can still be rendered and still works. */
final class TemplateRules {

    /** GOV.UK Notify's longest text message is 918 characters; leave room for the fields' values. */
    static final int MAX_TEXT = 800;

    private TemplateRules() {
    }

    /** A template written for a text message: only its body is sent. */
    static boolean isText(String id) {
        return id.endsWith("-sms");
    }

    /** A field whose value is a link: without it, the message is no use to the person. */
    static boolean isRequired(String field) {
        return field.toLowerCase(java.util.Locale.ROOT).endsWith("link");
    }

    static List<MessageTemplate.Problem> check(@Nullable String subject, @Nullable String body,
                                               MessageTemplate current) {
        List<MessageTemplate.Problem> problems = new ArrayList<>();
        String s = subject == null ? "" : subject.strip();
        String b = body == null ? "" : body.strip();
        if (s.isEmpty()) {
            problems.add(new MessageTemplate.Problem("subject", "Enter a subject line"));
        } else if (s.length() > MessageTemplates.MAX_SUBJECT) {
            problems.add(new MessageTemplate.Problem("subject",
                    "Subject line must be " + MessageTemplates.MAX_SUBJECT + " characters or fewer"));
        } else if (s.contains("\n") || s.contains("\r")) {
            problems.add(new MessageTemplate.Problem("subject", "Subject line must be on one line"));
        } else {
            fieldProblems("subject", s, current).ifPresent(problems::add);
        }
        if (b.isEmpty()) {
            problems.add(new MessageTemplate.Problem("body", "Enter the message"));
        } else if (b.length() > MessageTemplates.MAX_BODY) {
            problems.add(new MessageTemplate.Problem("body",
                    "Message must be " + MessageTemplates.MAX_BODY + " characters or fewer"));
        } else if (isText(current.id()) && b.length() > MAX_TEXT) {
            problems.add(new MessageTemplate.Problem("body", "A text message must be " + MAX_TEXT
                    + " characters or fewer, with its fields filled in: shorter is better, each 160 characters is "
                    + "another message to pay for"));
        } else {
            fieldProblems("body", b, current).ifPresent(problems::add);
        }
        if (problems.isEmpty()) {
            Set<String> used = new LinkedHashSet<>(Template.placeholdersIn(s));
            used.addAll(Template.placeholdersIn(b));
            for (String needed : current.required()) {
                if (!used.contains(needed)) {
                    problems.add(new MessageTemplate.Problem("body", "The message must include ((" + needed
                            + ")): it is the link the person needs"));
                }
            }
        }
        return problems;
    }

    private static java.util.Optional<MessageTemplate.Problem> fieldProblems(String field, String text,
                                                                             MessageTemplate current) {
        String name = field.equals("subject") ? "Subject line" : "Message";
        if (Template.hasMalformedPlaceholder(text)) {
            return java.util.Optional.of(new MessageTemplate.Problem(field, name
                    + " has a (( that does not make a field: write a field as ((name)), or remove the brackets"));
        }
        for (String used : Template.placeholdersIn(text)) {
            if (!current.fields().contains(used)) {
                return java.util.Optional.of(new MessageTemplate.Problem(field, name + " uses ((" + used
                        + ")), which this message cannot fill in. It can use: " + listed(current.fields())));
            }
        }
        return java.util.Optional.empty();
    }

    private static String listed(List<String> fields) {
        return fields.isEmpty() ? "no fields" : String.join(", ", fields.stream().map(f -> "((" + f + "))").toList());
    }
}
