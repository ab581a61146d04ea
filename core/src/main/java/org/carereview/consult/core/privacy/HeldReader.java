package org.carereview.consult.core.privacy;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.carereview.consult.core.submission.ChannelContent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Finds a person and reads everything held about them, in the caller's transaction. */
@Singleton
class HeldReader {

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final List<ChannelContent> channels;
    private final List<PersonalDataHolder> holders;

    HeldReader(JdbcOperations jdbc, JsonMapper json, List<ChannelContent> channels, List<PersonalDataHolder> holders) {
        this.jdbc = jdbc;
        this.json = json;
        this.channels = channels;
        this.holders = holders;
    }

    Subject resolve(Person who) {
        UUID account = who.account();
        String email = who.email();
        Set<UUID> submissions = new LinkedHashSet<>();
        if (account != null) {
            email = one("SELECT email FROM account WHERE id = ?", account).orElse(null);
            account = email == null ? null : account;
        } else if (email != null) {
            account = one("SELECT id::text FROM account WHERE email = ?", email).map(UUID::fromString).orElse(null);
        } else if (who.reference() != null) {
            one("SELECT id::text FROM submission WHERE reference = ?", who.reference())
                    .map(UUID::fromString).ifPresent(submissions::add);
        }
        if (account != null) {
            submissions.addAll(ids("SELECT id FROM submission WHERE owner_id = ?", account));
        }
        if (email != null) {
            for (PersonalDataHolder holder : holders) {
                submissions.addAll(holder.sentWith(email));
            }
        }
        return new Subject(account, email, List.copyOf(submissions));
    }

    /** Everything held; {@code hideFlagged} for the person's own copy (flagged submissions are the lead's). */
    HeldData read(Subject who, boolean hideFlagged) {
        List<HeldData.Sent> sent = submissions(who.submissions()).stream()
                .filter(s -> !(hideFlagged && s.keptForSafeguarding())).toList();
        List<String> references = sent.stream().map(HeldData.Sent::reference).toList();
        return new HeldData(account(who), sent, emails(who.email(), references), drafts(who));
    }

    private HeldData.Account account(Subject who) {
        if (who.account() == null) {
            return null;
        }
        List<String> roles = new ArrayList<>();
        jdbc.prepareStatement("SELECT role FROM account_role WHERE account_id = ? ORDER BY role", ps -> {
            ps.setObject(1, who.account());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roles.add(rs.getString(1));
                }
            }
            return null;
        });
        return jdbc.prepareStatement("SELECT email, created_at, last_used_at FROM account WHERE id = ?", ps -> {
            ps.setObject(1, who.account());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new HeldData.Account(who.account().toString(), rs.getString(1), roles,
                        rs.getTimestamp(2).toInstant(), Sql.instant(rs.getTimestamp(3)));
            }
        });
    }

    private List<HeldData.Sent> submissions(List<UUID> ids) {
        List<HeldData.Sent> rows = jdbc.prepareStatement("SELECT id, reference, kind, status, submitted_at, withdrawn_at, "
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
        return rows.stream().map(s -> new HeldData.Sent(s.id(), s.reference(), s.kind(), s.status(), s.submittedAt(),
                s.withdrawnAt(), s.keptForSafeguarding(), answers(s))).toList();
    }

    private List<ChannelContent.Detail> answers(HeldData.Sent s) {
        UUID id = UUID.fromString(s.id());
        List<ChannelContent.Detail> answers = new ArrayList<>();
        channels.stream().filter(c -> c.kind().name().equals(s.kind())).forEach(c -> answers.addAll(c.describe(id)));
        holders.forEach(h -> answers.addAll(h.undescribed(id)));
        return answers.stream().filter(d -> d.value() != null).toList();
    }

    /** Emails to the address, and any naming one of the references (a receipt); links are left out. */
    private List<HeldData.Email> emails(String email, List<String> references) {
        return jdbc.prepareStatement("SELECT template, status, created_at, sent_at, fields::text FROM outbox_message "
                + "WHERE lower(recipient) = ? OR fields->>'reference' = ANY(?) ORDER BY created_at DESC, id", ps -> {
            ps.setString(1, Sql.orNothing(email));
            ps.setArray(2, Sql.texts(ps, references));
            List<HeldData.Email> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new HeldData.Email(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            Sql.instant(rs.getTimestamp(4)), withoutLinks(rs.getString(5))));
                }
            }
            return found;
        });
    }

    private List<HeldData.Draft> drafts(Subject who) {
        return jdbc.prepareStatement("SELECT kind, started_at, expires_at, answers::text FROM draft " + Eraser.DRAFTS_OF
                + " ORDER BY started_at DESC", ps -> {
            Eraser.bindDrafts(ps, who);
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

    private Map<String, String> withoutLinks(String fields) {
        try {
            Map<String, String> all = json.readValue(fields, Argument.mapOf(String.class, String.class));
            Map<String, String> kept = new TreeMap<>();
            all.forEach((k, v) -> {
                if (!k.toLowerCase(Locale.ROOT).contains("link")) {
                    kept.put(k, v);
                }
            });
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<String> one(String sql, Object arg) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    private List<UUID> ids(String sql, Object arg) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, arg);
            List<UUID> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getObject(1, UUID.class));
                }
            }
            return found;
        });
    }
}
