package org.carereview.consult.core.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQL that deletes what is held about a person: saved responses, emails, drafts, submissions and the account. */
@Singleton
class ErasureStore {

    private final JdbcOperations jdbc;

    ErasureStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** How many roles other than contributor the account holds. */
    long staffRoles(UUID account) {
        return jdbc.prepareStatement("SELECT count(*) FROM account_role WHERE account_id = ? "
                + "AND role <> 'CONTRIBUTOR'", ps -> {
            ps.setObject(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Deletes the saved answers of requests that name one of the references or quote the address (null: none). */
    int deleteSavedResponses(List<String> references, @Nullable String address) {
        String email = Sql.orNothing(address);
        return jdbc.prepareStatement("DELETE FROM idempotency_key WHERE EXISTS (SELECT 1 FROM unnest(?::text[]) r "
                + "WHERE strpos(response_body, r) > 0) OR (? <> '' AND strpos(lower(response_body), ?) > 0)", ps -> {
            ps.setArray(1, Sql.texts(ps, references));
            ps.setString(2, email);
            ps.setString(3, email);
            return ps.executeUpdate();
        });
    }

    /** Deletes the emails to the address (null: none) or naming one of the references; answers their ids. */
    List<UUID> deleteEmails(@Nullable String address, List<String> references) {
        String email = Sql.orNothing(address);
        return jdbc.prepareStatement("DELETE FROM outbox_message WHERE lower(recipient) = ? "
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
    }

    int deleteDrafts(Subject who) {
        return jdbc.prepareStatement("DELETE FROM draft " + HeldStore.DRAFTS_OF, ps -> {
            HeldStore.bindDrafts(ps, who);
            return ps.executeUpdate();
        });
    }

    /** Deletes these submissions, but never one flagged for safeguarding ({@link Eraser#NOT_FLAGGED}). */
    void deleteSubmissions(List<UUID> ids) {
        jdbc.prepareStatement("DELETE FROM submission WHERE id = ANY(?)" + Eraser.NOT_FLAGGED, ps -> {
            ps.setArray(1, Sql.uuids(ps, ids));
            return ps.executeUpdate();
        });
    }

    int deleteAccount(@Nullable UUID account) {
        return jdbc.prepareStatement("DELETE FROM account WHERE id = ?", ps -> {
            ps.setObject(1, Sql.orNoOne(account));
            return ps.executeUpdate();
        });
    }
}
