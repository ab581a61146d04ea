package org.carereview.consult.triage.summaries;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.submission.SubmissionKind;

import java.util.ArrayList;
import java.util.List;

/** Checks what staff typed for a new summary: every field, every error at once, each naming its field. */
final class SummaryText {

    static final int MAX_TITLE = 120;
    static final int MAX_WHAT_WE_DID = 5000;

    record Checked(SubmissionKind channel, String title, String whatWeDid, String whatWeDidChild) {
    }

    private SummaryText() {
    }

    static Checked check(SummaryInput in) {
        List<FieldError> errors = new ArrayList<>();
        SubmissionKind channel = channel(in.channel());
        if (channel == null) {
            errors.add(new FieldError("channel", "Select the channel the summary is about"));
        }
        String title = text(errors, "title", in.title(), "Enter a title", "The title", MAX_TITLE);
        String standard = text(errors, "whatWeDid", in.whatWeDid(), "Enter what the review did", "What the review did",
                MAX_WHAT_WE_DID);
        String child = text(errors, "whatWeDidChild", in.whatWeDidChild(),
                "Enter what the review did, in simpler words", "What the review did, in simpler words,", MAX_WHAT_WE_DID);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Checked(channel, title, standard, child);
    }

    /** The channels a summary can be about: the ones that count submissions by theme. */
    @Nullable
    static SubmissionKind channel(@Nullable String code) {
        for (SubmissionKind kind : List.of(SubmissionKind.CALL_FOR_ADVICE, SubmissionKind.DEEP_DIVE_FEEDBACK)) {
            if (kind.name().equals(code)) {
                return kind;
            }
        }
        return null;
    }

    private static String text(List<FieldError> errors, String field, @Nullable String value, String blank, String name,
                               int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            errors.add(new FieldError(field, blank));
        } else if (text.length() > max) {
            errors.add(new FieldError(field, name + " must be " + max + " characters or fewer"));
        }
        return text;
    }
}
