package org.carereview.consult.deepdives;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.submission.ChannelContent;
import org.carereview.consult.core.submission.SubmissionKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A feedback card as triage shows it, and its erasure. A card keeps no way to reach who gave it (no email, phone
 * or consent is asked at a session or on a participant link), so {@link #contact} stays the default: nothing.
 */
@Singleton
class FeedbackContent implements ChannelContent {

    private static final Set<String> FREE_TEXT = Set.of("whatWorks", "whatNeedsToChange");

    private final FeedbackStore store;

    FeedbackContent(FeedbackStore store) {
        this.store = store;
    }

    /** The answers written in the person's own words, redacted for scorers and exports. */
    /** A card's free-text answers just written, by the names {@link #describe} gives them (nulls left out). */
    static java.util.Map<String, String> answers(Card card) {
        java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();
        if (card.whatWorks() != null) {
            answers.put("whatWorks", card.whatWorks());
        }
        if (card.whatNeedsToChange() != null) {
            answers.put("whatNeedsToChange", card.whatNeedsToChange());
        }
        return answers;
    }

    @Override
    public Set<String> freeText() {
        return FREE_TEXT;
    }

    @Override
    public SubmissionKind kind() {
        return SubmissionKind.DEEP_DIVE_FEEDBACK;
    }

    @Override
    @Transactional
    public List<Detail> describe(UUID submissionId) {
        List<Detail> details = new ArrayList<>();
        store.find(submissionId).forEach(row -> {
            details.add(new Detail("area", "Area", row.areaName()));
            if (row.session() != null) {
                details.add(new Detail("session", "Session", row.session()));
            }
            details.add(new Detail("participantType", "Who gave the feedback",
                    row.type() == null ? null : row.type().label(),
                    row.type() == null ? List.of() : List.of(row.type().name())));
            details.add(new Detail("whatWorks", "What works", row.whatWorks()));
            details.add(new Detail("whatNeedsToChange", "What needs to change", row.whatNeedsToChange()));
        });
        return details;
    }

    @Override
    @Transactional
    public void erase(UUID submissionId) {
        store.erase(submissionId);
    }
}
