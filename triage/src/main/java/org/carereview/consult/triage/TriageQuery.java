package org.carereview.consult.triage;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;

import java.util.UUID;

/**
 * The queue's filters as they arrive, one query parameter each (the API's list and exports bind it with
 * {@code @RequestBean}; the staff page builds it from its form). {@link #filter} reads them: anything unreadable
 * is a 422 naming the parameter.
 */
@Introspected
public record TriageQuery(
        @Parameter(description = "CALL_FOR_ADVICE, EBE_APPLICATION or DEEP_DIVE_FEEDBACK") @Nullable @QueryValue String kind,
        @Parameter(description = "A status; without one, quarantined and withdrawn submissions are left out") @Nullable @QueryValue String status,
        @Nullable @QueryValue String theme,
        @Nullable @QueryValue String dilemma,
        @Parameter(description = "An area's slug, such as camden") @Nullable @QueryValue String area,
        @Parameter(description = "An account id, me or none") @Nullable @QueryValue String assignee,
        @Parameter(description = "true or false; only the safeguarding lead and administrators see flagged submissions, and exports never include them") @Nullable @QueryValue String safeguarding,
        @Nullable @QueryValue String consentToPublish,
        @Parameter(description = "A day in UK time, such as 2027-02-05 (included)") @Nullable @QueryValue String from,
        @Parameter(description = "A day in UK time, such as 2027-02-05 (included)") @Nullable @QueryValue String to,
        @Parameter(description = "Words to search for") @Nullable @QueryValue String q,
        @Nullable @QueryValue String sort,
        @Parameter(description = "A copy-and-paste campaign's id, or any") @Nullable @QueryValue String group) {

    /** The filter these parameters ask for; {@code me} is the viewer's account (for {@code assignee=me}). */
    public TriageFilter filter(UUID me) {
        return TriageFilter.parse(this, me);
    }

    /** The same, sorted newest first unless a sort was asked for (an export is never ranked by relevance). */
    TriageQuery newestUnlessSorted() {
        boolean unsorted = sort == null || sort.isBlank() || sort.equalsIgnoreCase("relevance");
        return unsorted ? new TriageQuery(kind, status, theme, dilemma, area, assignee, safeguarding, consentToPublish,
                from, to, q, "newest", group) : this;
    }
}
