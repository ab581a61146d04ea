package org.carereview.consult.advice;

import jakarta.inject.Singleton;
import org.carereview.consult.core.submission.ChannelContent;
import org.carereview.consult.core.submission.Contact;
import org.carereview.consult.core.submission.SubmissionKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The call for advice's details, as the owner's page and triage show them, how to reach the sender (for the
 * safeguarding lead and administrators), and their erasure on withdrawal.
 */
@Singleton
class AdviceContent implements ChannelContent {

    private static final Set<String> FREE_TEXT = Set.of("organisation", "keyQuestions", "engagementAdvice", "resources", "groupsToSpeakTo");

    private final AdviceSubmissionStore store;

    AdviceContent(AdviceSubmissionStore store) {
        this.store = store;
    }

    /** The answers written in the person's own words, redacted for scorers and exports. */
    @Override
    public Set<String> freeText() {
        return FREE_TEXT;
    }

    @Override
    public SubmissionKind kind() {
        return SubmissionKind.CALL_FOR_ADVICE;
    }

    @Override
    public List<Detail> describe(UUID submissionId) {
        List<Detail> details = new ArrayList<>();
        Optional<AdviceSubmissionStore.Answers> found = store.answers(submissionId);
        if (found.isEmpty()) {
            return details;
        }
        AdviceSubmissionStore.Answers answers = found.get();
        String type = answers.respondentType();
        details.add(new Detail("respondentType", "Who you are responding as",
                type == null ? null : RespondentType.valueOf(type).label(), type == null ? List.of() : List.of(type)));
        String organisation = answers.organisation();
        if (organisation != null) {
            details.add(new Detail("organisation", "Organisation", organisation));
        }
        details.add(new Detail("keyQuestions", "What key questions should the review answer?",
                answers.keyQuestions()));
        details.add(new Detail("engagementAdvice",
                "How should the review involve children and families who have used social care?",
                answers.engagementAdvice()));
        details.add(new Detail("resources", "What should the review read?", answers.resources()));
        details.add(new Detail("groupsToSpeakTo", "Who should the review speak to?", answers.groupsToSpeakTo()));
        return details;
    }

    /** The free-text answers of details just written, by the names {@link #describe} gives them (nulls left out). */
    static java.util.Map<String, String> answers(AdviceDetails d) {
        java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();
        put(answers, "organisation", d.organisation());
        put(answers, "keyQuestions", d.keyQuestions());
        put(answers, "engagementAdvice", d.engagementAdvice());
        put(answers, "resources", d.resources());
        put(answers, "groupsToSpeakTo", d.groupsToSpeakTo());
        return answers;
    }

    private static void put(java.util.Map<String, String> answers, String field, String value) {
        if (value != null) {
            answers.put(field, value);
        }
    }

    @Override
    public Boolean consentToPublish(UUID submissionId) {
        return store.consentToPublish(submissionId);
    }

    /** The email address they left (if any), and whether they agreed to be contacted and to be quoted. */
    @Override
    public Contact contact(UUID submissionId) {
        return store.contact(submissionId)
                .map(c -> new Contact(c.email(), null, c.consentToContact(), c.consentToPublish(), null))
                .orElse(Contact.NONE);
    }

    @Override
    public void erase(UUID submissionId) {
        store.erase(submissionId);
    }
}
