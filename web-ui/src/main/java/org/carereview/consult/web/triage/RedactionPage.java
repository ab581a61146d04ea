package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.redaction.Kind;
import org.carereview.consult.core.redaction.RedactedSubmission;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The redaction page ({@code triage/redaction}): the submission's id and reference, a banner for what was just done (or
 * null), each answer as written and as others read it with what is taken out and the corrections made, and the kinds
 * of detail that can be taken out.
 */
@Introspected
record RedactionPage(String id, String reference, @Nullable String banner, List<Map<String, Object>> fields,
                     List<Map<String, Object>> kinds) {

    static final String VIEW = "triage/redaction";

    /** Each kind of detail in plain words, as the page offers them. */
    static final Map<Kind, String> KINDS = new EnumMap<>(Map.of(
            Kind.NAME, "A person's name",
            Kind.EMAIL, "An email address",
            Kind.PHONE, "A phone number",
            Kind.POSTCODE, "A postcode",
            Kind.ADDRESS, "An address",
            Kind.DATE_OF_BIRTH, "A date of birth",
            Kind.SCHOOL, "A school",
            Kind.PLACEMENT, "A placement, such as a children's home"));

    /** After a redirect: a code in the address, turned into words here. */
    private static final Map<String, String> DONE = Map.of(
            "taken-out", "Taken out. Reviewers' exports and scorers now read the answer without those words.",
            "kept", "Kept as written. Reviewers' exports and scorers now read those words.",
            "undone", "Correction undone.");

    /** {@code typed}: what the person typed into a form that failed, keyed by the input's id. */
    static RedactionPage model(RedactedSubmission s, @Nullable String done, Map<String, String> typed) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (RedactedSubmission.Field f : s.fields()) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", f.name());
            field.put("label", f.label());
            field.put("original", f.original());
            field.put("redacted", f.redacted());
            field.put("takenOut", f.takenOut().stream().map(span -> Map.of("words", span.text(),
                    "kind", KINDS.get(span.kind()), "start", String.valueOf(span.start()))).toList());
            field.put("corrections", f.corrections().stream().map(c -> Map.of("index", String.valueOf(c.index()),
                    "words", c.text(), "what", c.redact() ? "Taken out as " + lower(KINDS.get(c.kind()))
                            : "Kept as written")).toList());
            field.put("words", typed.getOrDefault("words-" + f.name(), ""));
            field.put("kind", typed.getOrDefault("kind-" + f.name(), Kind.NAME.name()));
            fields.add(field);
        }
        List<Map<String, Object>> kinds = new ArrayList<>();
        KINDS.forEach((kind, words) -> kinds.add(Map.of("value", kind.name(), "text", words)));
        return new RedactionPage(s.id().toString(), s.reference(), done == null ? null : DONE.get(done), fields, kinds);
    }

    private static String lower(String words) {
        return Character.toLowerCase(words.charAt(0)) + words.substring(1);
    }
}
