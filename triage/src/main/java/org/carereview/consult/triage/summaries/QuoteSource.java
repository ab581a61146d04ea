package org.carereview.consult.triage.summaries;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.triage.summaries.QuoteSourceStore.Candidate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Finds what a quote may be taken from: a submission of the summary's channel whose sender agreed to be quoted, that
 * is not flagged, withdrawn or quarantined, and whose <em>redacted</em> text holds the words (spaces and line breaks
 * compared as one space). Anything else is refused with a message on the field to change.
 */
@Singleton
class QuoteSource {

    static final int MAX_TEXT = 1000;

    /** Where the words were found: the submission, its answer's field and the words as they will be shown. */
    record Found(UUID submission, String reference, String field, String text) {
    }

    private final QuoteSourceStore store;
    private final JsonMapper json;

    QuoteSource(QuoteSourceStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    Found find(SubmissionKind channel, @Nullable String reference, @Nullable String words) {
        if (channel != SubmissionKind.CALL_FOR_ADVICE) {
            throw new InvalidInputException("reference", "This channel cannot be quoted: the people who sent it were "
                    + "never asked whether they agree to be quoted. Only the call for advice asks");
        }
        String ref = reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
        String text = normalise(words);
        if (ref.isEmpty()) {
            throw new InvalidInputException("reference", "Enter the reference of the submission to quote, like CFA-7K3M-9QX2");
        }
        if (text.isEmpty()) {
            throw new InvalidInputException("text", "Enter the words to quote");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException("text", "The words to quote must be " + MAX_TEXT + " characters or fewer");
        }
        Candidate c = store.candidate(ref).orElseThrow(() -> new InvalidInputException("reference",
                "No submission that can be quoted has the reference " + ref
                        + ". A submission flagged for safeguarding can never be quoted"));
        if (c.kind() != channel) {
            throw new InvalidInputException("reference", ref + " was not sent to the call for advice, the channel of this summary");
        }
        if (!c.status().live()) {
            throw new InvalidInputException("reference", ref + " has been withdrawn or is held as possible spam, so it cannot be quoted");
        }
        if (!c.consented()) {
            throw new InvalidInputException("reference", "The person who sent " + ref + " did not agree to be quoted");
        }
        if (c.answers() == null) {
            throw new InvalidInputException("reference", ref + " has not been redacted yet. Try again in a few minutes");
        }
        for (Map.Entry<String, String> answer : answers(c.answers()).entrySet()) {
            if (normalise(answer.getValue()).contains(text)) {
                return new Found(c.id(), ref, answer.getKey(), text);
            }
        }
        throw new InvalidInputException("text", "These words are not in the redacted text of " + ref
                + ". Copy them from its redacted answers, with [name] and the like where details were taken out");
    }

    /** Spaces, tabs and line breaks as single spaces, none at either end. */
    static String normalise(@Nullable String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private Map<String, String> answers(String answers) {
        try {
            Map<String, String> read = json.readValue(answers, Argument.mapOf(String.class, String.class));
            return new java.util.TreeMap<>(read == null ? Map.of() : read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
