package org.carereview.consult.core.privacy;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.carereview.consult.core.problem.ProblemException;

import java.util.List;
import java.util.UUID;

/**
 * Deletes everything held about a person, in the caller's transaction: the submissions (each channel's rows, notes,
 * history, flags, scores and sealed values go with them, by cascade), the saved answers of requests that created
 * them, the emails to the address or about the submissions, the drafts, and the account (its roles and sign-in
 * tokens by cascade). Submissions flagged for safeguarding are kept, for the lead to decide about (ADR 0020).
 */
@Singleton
class Eraser {

    /**
     * Erasure keeps a submission flagged for safeguarding (ADR 0020): the condition {@link ErasureStore} adds to its
     * delete, spelt here with the rule (the flag condition is spelt only by Visibility, retention and erasure).
     */
    static final String NOT_FLAGGED = " AND NOT safeguarding";

    private final ErasureStore store;
    private final List<PersonalDataHolder> holders;
    private final SentMailFiles files;

    Eraser(ErasureStore store, List<PersonalDataHolder> holders, SentMailFiles files) {
        this.store = store;
        this.holders = holders;
        this.files = files;
    }

    Erased erase(Subject who, HeldData held) {
        refuseStaff(who);
        List<HeldData.Sent> erasable = held.submissions().stream().filter(s -> !s.keptForSafeguarding()).toList();
        List<String> references = erasable.stream().map(HeldData.Sent::reference).toList();
        int mentions = who.email() == null ? 0 : holders.stream().mapToInt(h -> h.forget(who.email())).sum();
        int saved = store.deleteSavedResponses(references, who.email());
        List<UUID> emails = store.deleteEmails(who.email(), references);
        int drafts = store.deleteDrafts(who);
        store.deleteSubmissions(erasable.stream().map(s -> UUID.fromString(s.id())).toList());
        int accounts = store.deleteAccount(who.account());
        files.delete(emails);
        List<String> kept = held.submissions().stream().filter(HeldData.Sent::keptForSafeguarding)
                .map(HeldData.Sent::reference).toList();
        return new Erased(accounts, references, kept, drafts, emails.size(), saved, mentions);
    }

    /** A staff account is closed by removing it from staff first: its scores and decisions name it. */
    private void refuseStaff(Subject who) {
        if (who.account() == null) {
            return;
        }
        long staffRoles = store.staffRoles(who.account());
        if (staffRoles > 0) {
            throw new ProblemException(HttpStatus.CONFLICT, "staff-account", "Staff account",
                    "This address belongs to a staff account. Disable it in the staff list; it cannot be erased here.");
        }
    }
}
