package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Whatever one of the submission page's forms posts; each form sends only its own fields. {@code reference} (the
 * flag form) is only repeated in the message that follows, and only when it has the form of a reference.
 */
@Serdeable
record SubmissionForm(@Nullable List<String> themes, @Nullable List<String> dilemmas, @Nullable String assignee,
                      @Nullable String status, @Nullable String text, @Nullable String action,
                      @Nullable String reference) {
}
