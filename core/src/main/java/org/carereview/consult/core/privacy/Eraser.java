package org.carereview.consult.core.privacy;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.carereview.consult.core.problem.ProblemException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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

    /** The drafts of a person: the account's own, those set to remind the address, and those that quote it. */
    static final String DRAFTS_OF = "WHERE owner_id = ? OR lower(reminder_email) = ? "
            + "OR (? <> '' AND strpos(lower(answers::text), ?) > 0)";

    private final JdbcOperations jdbc;
    private final List<PersonalDataHolder> holders;
    private final SentMailFiles files;

    Eraser(JdbcOperations jdbc, List<PersonalDataHolder> holders, SentMailFiles files) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.files = files;
    }

    static void bindDrafts(PreparedStatement ps, Subject who) throws SQLException {
        String email = Sql.orNothing(who.email());
        ps.setObject(1, Sql.orNoOne(who.account()));
        ps.setString(2, email);
        ps.setString(3, email);
        ps.setString(4, email);
    }

    Erased erase(Subject who, HeldData held) {
        refuseStaff(who);
        List<HeldData.Sent> erasable = held.submissions().stream().filter(s -> !s.keptForSafeguarding()).toList();
        List<String> references = erasable.stream().map(HeldData.Sent::reference).toList();
        String email = Sql.orNothing(who.email());
        int mentions = who.email() == null ? 0 : holders.stream().mapToInt(h -> h.forget(who.email())).sum();
        int saved = jdbc.prepareStatement("DELETE FROM idempotency_key WHERE EXISTS (SELECT 1 FROM unnest(?::text[]) r "
                + "WHERE strpos(response_body, r) > 0) OR (? <> '' AND strpos(lower(response_body), ?) > 0)", ps -> {
            ps.setArray(1, Sql.texts(ps, references));
            ps.setString(2, email);
            ps.setString(3, email);
            return ps.executeUpdate();
        });
        List<UUID> emails = jdbc.prepareStatement("DELETE FROM outbox_message WHERE lower(recipient) = ? "
                + "OR fields->>'reference' = ANY(?) RETURNING id", ps -> {
            ps.setString(1, email);
            ps.setArray(2, Sql.texts(ps, references));
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        });
        int drafts = jdbc.prepareStatement("DELETE FROM draft " + DRAFTS_OF, ps -> {
            bindDrafts(ps, who);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("DELETE FROM submission WHERE id = ANY(?) AND NOT safeguarding", ps -> {
            ps.setArray(1, Sql.uuids(ps, erasable.stream().map(s -> UUID.fromString(s.id())).toList()));
            return ps.executeUpdate();
        });
        int accounts = jdbc.prepareStatement("DELETE FROM account WHERE id = ?", ps -> {
            ps.setObject(1, Sql.orNoOne(who.account()));
            return ps.executeUpdate();
        });
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
        long staffRoles = jdbc.prepareStatement("SELECT count(*) FROM account_role WHERE account_id = ? "
                + "AND role <> 'CONTRIBUTOR'", ps -> {
            ps.setObject(1, who.account());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        if (staffRoles > 0) {
            throw new ProblemException(HttpStatus.CONFLICT, "staff-account", "Staff account",
                    "This address belongs to a staff account. Disable it in the staff list; it cannot be erased here.");
        }
    }
}
