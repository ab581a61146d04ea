package org.carereview.consult.experts;

import jakarta.inject.Singleton;
import org.carereview.consult.core.privacy.PersonalDataHolder;
import org.carereview.consult.core.submission.ChannelContent;
import org.carereview.consult.core.time.UkTime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * For subject requests: applications sent with an address, the equality answers, scores and decisions (which no
 * page shows the applicant, so their copy must add them), and a trusted adult who asks to be forgotten (the applicant's answers stay).
 */
@Singleton
class ApplicantHolder implements PersonalDataHolder {

    private final ApplicantDataStore store;

    ApplicantHolder(ApplicantDataStore store) {
        this.store = store;
    }

    @Override
    public Set<UUID> sentWith(String email) {
        return store.sentWith(email);
    }

    /**
     * What no page shows the applicant: their equality answers, and what staff recorded about the application
     * (each score with its comment, each decision with its note), which a subject access request also covers.
     * Who scored or decided is left out: that is staff's data, not the applicant's.
     */
    @Override
    public List<ChannelContent.Detail> undescribed(UUID submissionId) {
        List<ChannelContent.Detail> details = new ArrayList<>();
        store.equalityAnswers(submissionId).ifPresent(answers -> details.add(
                new ChannelContent.Detail("equality", "Your answers to the equality questions", answers)));
        for (ApplicantDataStore.Score score : store.scores(submissionId)) {
            String comment = score.comment();
            details.add(new ChannelContent.Detail("score", "A score given to your application on "
                    + UkTime.day(score.at()), score.total() + " points" + (comment == null || comment.isBlank()
                    ? "" : ". Comment: " + comment)));
        }
        for (ApplicantDataStore.Decision decision : store.decisions(submissionId)) {
            String note = decision.note();
            details.add(new ChannelContent.Detail("decision", "A decision on your application on "
                    + UkTime.day(decision.at()), ApplicationContent.outcomeInWords(decision.outcome())
                    + (note == null || note.isBlank() ? "" : ". Note: " + note)));
        }
        return details;
    }

    @Override
    public int forget(String email) {
        return store.forgetTrustedAdult(email);
    }
}
