package org.carereview.consult.core.privacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What an erasure removed, in counts and references (never an address or a word anyone wrote).
 * Every field is always in the JSON, an empty list too. {@code keptForSafeguarding} lists submissions flagged for safeguarding, which the safeguarding lead decides about.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Erased(int accounts, List<String> submissions, List<String> keptForSafeguarding, int drafts,
                     int emails, int savedResponses, int mentions) {

    String counts() {
        return "accounts=" + accounts + " submissions=" + submissions.size() + " kept-for-safeguarding="
                + keptForSafeguarding.size() + " drafts=" + drafts + " emails=" + emails + " saved-responses="
                + savedResponses + " mentions=" + mentions;
    }
}
