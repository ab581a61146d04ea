package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A change to one submission, as given (pages' forms and the API's JSON): a null field is left as it is.
 * {@code assigneeGiven} tells "unassign" ({@code assignee} null or blank) from "leave the assignee alone".
 * {@code safeguarding: true} flags it for the safeguarding lead (anyone on staff may); {@code false} clears a
 * flag (only the lead or an administrator, who alone can see flagged submissions).
 */
public record TriageChange(@Nullable String status, boolean assigneeGiven, @Nullable String assignee,
                           @Nullable List<String> themes, @Nullable List<String> dilemmas,
                           @Nullable Boolean safeguarding) {
}
