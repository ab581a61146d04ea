package org.carereview.consult.core.privacy;

import org.carereview.consult.core.submission.ChannelContent;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a channel module holds about a person beyond what core reads for every channel (the common submission
 * row, {@link ChannelContent#describe}, the account, drafts, emails): where it keeps an email address a person
 * gave, anything it never describes (equality answers), and people named in someone else's record (a trusted
 * adult). Each channel that keeps such things provides one bean; {@link SubjectRequests} asks them all.
 * Erasing a submission itself is not asked of a holder: it is deleted, and its channel rows go with it (cascade).
 */
public interface PersonalDataHolder {

    /** Submissions whose sender gave this address (normalised: trimmed, lower case) in this module's columns. */
    Set<UUID> sentWith(String email);

    /** Answers held about this submission that {@link ChannelContent#describe} leaves out; empty if none. */
    default List<ChannelContent.Detail> undescribed(UUID submissionId) {
        return List.of();
    }

    /**
     * Removes this address, and what goes with it, where it names someone other than the sender (a trusted
     * adult), keeping the sender's own answers. Answers how many rows changed.
     */
    default int forget(String email) {
        return 0;
    }
}
