package org.carereview.consult.advice;

import jakarta.inject.Singleton;
import org.carereview.consult.core.privacy.PersonalDataHolder;
import org.carereview.consult.core.submission.ChannelContent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * For subject requests: the advice sent with a contact address (a respondent need not have signed in), and that
 * address with the consents given, which the owner's page does not describe.
 */
@Singleton
class AdviceHolder implements PersonalDataHolder {

    private final AdviceSubmissionStore store;

    AdviceHolder(AdviceSubmissionStore store) {
        this.store = store;
    }

    @Override
    public Set<UUID> sentWith(String email) {
        return store.sentWith(email);
    }

    @Override
    public List<ChannelContent.Detail> undescribed(UUID submissionId) {
        List<ChannelContent.Detail> details = new ArrayList<>();
        store.contact(submissionId).ifPresent(contact -> {
            details.add(new ChannelContent.Detail("contactEmail", "Email address", contact.email()));
            details.add(new ChannelContent.Detail("consentToContact", "We may contact you",
                    contact.consentToContact() ? "Yes" : "No"));
            details.add(new ChannelContent.Detail("consentToPublish", "We may quote you",
                    contact.consentToPublish() ? "Yes" : "No"));
        });
        return details;
    }
}
