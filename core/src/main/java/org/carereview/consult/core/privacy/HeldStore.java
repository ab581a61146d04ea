package org.carereview.consult.core.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL that finds a person and reads what is held about them: account, roles, submissions, emails, drafts. */
@Singleton
class HeldStore {

    /** The drafts of a person: the account's own, those set to remind the address, and those that quote it. */
    static final String DRAFTS_OF = "WHERE owner_id = ? OR lower(reminder_email) = ? "
            + "OR (? <> '' AND strpos(lower(answers::text), ?) > 0)";

    /** An email row as stored; {@code fields} is its JSON text, links and all. */
    record EmailRow(String template, String status, Instant createdAt, @Nullable Instant sentAt, String fields) {
    }

    private final JdbcOperations jdbc;

    HeldStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    static void bindDrafts(PreparedStatement ps, Subject who) throws SQLException {
        String email = Sql.orNothing(who.email());
        ps.setObject(1, Sql.orNoOne(who.account()));
        ps.setString(2, email);
        ps.setString(3, email);
        ps.setString(4, email);
    }

    Optional<String> accountEmail(UUID account) {
        return one("SELECT email FROM account WHERE id = ?", account);
    }

    Optional<UUID> accountWithEmail(String email) {
        return one("SELECT id::text FROM account WHERE email = ?", email).map(UUID::fromString);
    }

    Optional<UUID> submissionWithReference(String reference) {
        return one("SELECT id::text FROM submission WHERE reference = ?", reference).map(UUID::fromString);
    }

    List<UUID> submissionsOwnedBy(UUID account) {
        return jdbc.prepareStatement("SELECT id FROM submission WHERE owner_id = ?", ps -> {
            ps.setObject(1, account);
            List<UUID> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getObject(1, UUID.class));
                }
            }
            return found;
        });
    }

    List<String> roles(UUID account) {
        List<String> roles = new ArrayList<>();
        jdbc.prepareStatement("SELECT role FROM account_role WHERE account_id = ? ORDER BY role", ps -> {
            ps.setObject(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roles.add(rs.getString(1));
                }
            }
            return null;
        });
        return roles;
    }

    HeldData.Account account(UUID account, List<String> roles) {
        return jdbc.prepareStatement("SELECT email, created_at, last_used_at FROM account WHERE id = ?", ps -> {
            ps.setObject(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new HeldData.Account(account.toString(), rs.getString(1), roles,
                        rs.getTimestamp(2).toInstant(), Sql.instant(rs.getTimestamp(3)));
            }
        });
    }

    /** The common rows of these submissions, newest first, without their answers. */
    List<HeldData.Sent> submissions(List<UUID> ids) {
        return jdbc.prepareStatement("SELECT id, reference, kind, status, submitted_at, withdrawn_at, "
                + "safeguarding FROM submission WHERE id = ANY(?) ORDER BY submitted_at DESC, id DESC", ps -> {
            ps.setArray(1, Sql.uuids(ps, ids));
            List<HeldData.Sent> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new HeldData.Sent(rs.getString("id"), rs.getString("reference"), rs.getString("kind"),
                            rs.getString("status"), rs.getTimestamp("submitted_at").toInstant(),
                            Sql.instant(rs.getTimestamp("withdrawn_at")), rs.getBoolean("safeguarding"), List.of()));
                }
            }
            return found;
        });
    }

    /** Emails to the address (null: none), and any naming one of the references. */
    List<EmailRow> emails(@Nullable String email, List<String> references) {
        return jdbc.prepareStatement("SELECT template, status, created_at, sent_at, fields::text FROM outbox_message "
                + "WHERE lower(recipient) = ? OR fields->>'reference' = ANY(?) ORDER BY created_at DESC, id", ps -> {
            ps.setString(1, Sql.orNothing(email));
            ps.setArray(2, Sql.texts(ps, references));
            List<EmailRow> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new EmailRow(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            Sql.instant(rs.getTimestamp(4)), rs.getString(5)));
                }
            }
            return found;
        });
    }

    List<HeldData.Draft> drafts(Subject who) {
        return jdbc.prepareStatement("SELECT kind, started_at, expires_at, answers::text FROM draft " + DRAFTS_OF
                + " ORDER BY started_at DESC", ps -> {
            bindDrafts(ps, who);
            List<HeldData.Draft> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new HeldData.Draft(rs.getString(1), rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3).toInstant(), rs.getString(4)));
                }
            }
            return found;
        });
    }

    private Optional<String> one(String sql, Object arg) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }
}
