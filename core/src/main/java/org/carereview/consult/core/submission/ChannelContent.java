package org.carereview.consult.core.submission;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.account.Role;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What one channel keeps beside the common {@code submission} row, as the rest of the system may
 * handle it without knowing the channel: describe it (for its owner's page, and for triage's "the
 * channel's details"), say how to reach the person (for the safeguarding lead and administrators only), and
 * erase it when the person withdraws. Each channel provides one bean.
 */
public interface ChannelContent {

    /** The kind of submission whose details this channel keeps. */
    SubmissionKind kind();

    /**
     * The details as labelled answers, in the order the person gave them; empty if there is no such
     * submission of this kind. Erased answers are left out or have a null value.
     */
    List<Detail> describe(UUID submissionId);

    /**
     * The details as a member of staff with these roles may see them. Administrators and the safeguarding
     * lead see everything; anyone else (a reviewer) sees no identity, contact, date of birth, trusted adult
     * or equality answers (README, "Triage and safeguarding"). A channel whose details name the person in other fields overrides
     * {@link #identifies(String)} or this method.
     */
    default List<Detail> describe(UUID submissionId, Set<Role> viewerRoles) {
        List<Detail> all = describe(submissionId);
        if (Visibility.mayContact(viewerRoles)) {
            return all;
        }
        return all.stream().filter(d -> !identifies(d.name())).toList();
    }

    /**
     * Whether the detail with this field name identifies or contacts the person, tells of their access or
     * support needs, or is equality data: for the safeguarding lead and administrators only ({@link Visibility}).
     */
    default boolean identifies(String fieldName) {
        return IDENTITY_FIELDS.contains(fieldName) || fieldName.startsWith("trustedAdult")
                || fieldName.startsWith("equality");
    }

    /** Field names that identify, place or contact a person, or tell of their needs, whatever the channel. */
    Set<String> IDENTITY_FIELDS = Set.of("name", "preferredName", "dateOfBirth", "email", "phone", "contactEmail",
            "address", "postcode", "region", "accessNeeds", "supportNeeds");

    /**
     * How to reach the person who sent this submission, as they gave it to this channel (email, phone, their
     * consents, a trusted adult); {@link Contact#NONE} when the channel keeps none or there is no such submission.
     * Only for the safeguarding lead and administrators: callers must not ask on anyone else's behalf.
     */
    default Contact contact(UUID submissionId) {
        return Contact.NONE;
    }

    /**
     * The field names of the answers people write in their own words ({@link #describe} names them): these are
     * redacted when the submission is sent, for scorers, reviewers' exports and anything published.
     */
    default Set<String> freeText() {
        return Set.of();
    }

    /**
     * Whether the person agreed the review may quote their words; null where the channel does not ask. Every
     * member of staff may see it (it is not a way to reach anyone): reviewers need it to choose what to quote.
     */
    @Nullable
    default Boolean consentToPublish(UUID submissionId) {
        return null;
    }

    /**
     * Deletes everything the person wrote or told us about themselves (every content column to null,
     * every consent to false), keeping only what ties the row to its submission. Called by
     * {@link OwnSubmissions} inside its transaction; must be safe to call twice.
     */
    void erase(UUID submissionId);

    /**
     * One answer: {@code name} is a stable field name (as in the channel's JSON, e.g. {@code keyQuestions}),
     * {@code label} the question in plain words, {@code value} the answer as given (may have line breaks),
     * or null when it was not answered. When the answer was chosen from a list, {@code choices} holds the codes
     * of the options chosen (e.g. {@code CARE_LEAVER}), one per line of {@code value}, so that a public page can
     * word them in the version its reader chose; it is not part of the API's JSON.
     */
    @io.micronaut.serde.annotation.Serdeable
    record Detail(String name, String label, @Nullable String value, @JsonIgnore List<String> choices) {

        public Detail {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }

        /** An answer the person wrote (or a date, or a name): no codes to word it by. */
        public Detail(String name, String label, @Nullable String value) {
            this(name, label, value, List.of());
        }
    }
}
