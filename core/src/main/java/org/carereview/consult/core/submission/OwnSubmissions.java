package org.carereview.consult.core.submission;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.problem.ProblemException;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's own submissions, and withdrawing one: its content is erased and a tombstone is kept (the
 * reference and when it was withdrawn), in one transaction.
 *
 * <p>Submissions flagged for safeguarding are left out: to anyone but the safeguarding lead and
 * administrators they do not exist, and what was disclosed must not be erased by a withdrawal.
 */
@Singleton
public class OwnSubmissions {

    private static final String COLUMNS = "id, kind, reference, status, submitted_at, withdrawn_at, themes";

    private final JdbcOperations jdbc;
    private final Map<SubmissionKind, ChannelContent> channels = new EnumMap<>(SubmissionKind.class);
    private final Clock clock;

    OwnSubmissions(JdbcOperations jdbc, List<ChannelContent> channels, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        channels.forEach(c -> this.channels.put(c.kind(), c));
    }

    /** Everything this account has sent (withdrawn ones too), newest first. */
    @Transactional
    public List<OwnedSubmission> ownedBy(UUID ownerAccountId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM submission WHERE owner_id = ?" + Visibility.sendersOwn("")
                + " ORDER BY submitted_at DESC, id DESC", ps -> {
            ps.setObject(1, ownerAccountId);
            List<OwnedSubmission> owned = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    owned.add(read(rs));
                }
            }
            return owned;
        });
    }

    /** The submission, if this account sent it; empty for anyone else's and for an unknown id. */
    @Transactional
    public Optional<OwnedSubmission> find(UUID submissionId, UUID ownerAccountId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM submission WHERE id = ? AND owner_id = ?"
                + Visibility.sendersOwn(""), ps -> {
            ps.setObject(1, submissionId);
            ps.setObject(2, ownerAccountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.<OwnedSubmission>empty();
            }
        });
    }

    /** The channel's answers for one of this account's submissions: empty once withdrawn. */
    @Transactional
    public List<ChannelContent.Detail> details(UUID submissionId, UUID ownerAccountId) {
        return find(submissionId, ownerAccountId)
                .filter(s -> !s.withdrawn())
                .flatMap(s -> Optional.ofNullable(channels.get(s.kind())))
                .map(channel -> channel.describe(submissionId))
                .orElse(List.of());
    }

    /**
     * Withdraws the submission: status WITHDRAWN, {@code withdrawn_at} now, its themes, dilemmas,
     * search text and assignee cleared, and the channel's content erased with its redacted copy and its quotes in public summaries. Withdrawing again changes
     * nothing.
     *
     * @throws ProblemException 404 if there is no such submission or this account did not send it
     */
    @Transactional
    public void withdraw(UUID submissionId, UUID ownerAccountId) {
        Optional<Locked> locked = jdbc.prepareStatement("SELECT kind, status FROM submission "
                + "WHERE id = ? AND owner_id = ?" + Visibility.sendersOwn("") + " FOR UPDATE", ps -> {
            ps.setObject(1, submissionId);
            ps.setObject(2, ownerAccountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Locked(SubmissionKind.valueOf(rs.getString("kind")),
                        SubmissionStatus.valueOf(rs.getString("status")))) : Optional.<Locked>empty();
            }
        });
        Locked found = locked.orElseThrow(OwnSubmissions::notFound);
        if (found.status() == SubmissionStatus.WITHDRAWN) {
            return;
        }
        ChannelContent channel = channel(found.kind());
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.prepareStatement("UPDATE submission SET status = 'WITHDRAWN', withdrawn_at = ?, updated_at = ?, "
                + "themes = '{}', dilemmas = '{}', search_vector = ''::tsvector, assignee_id = NULL, redacted_text = NULL "
                + "WHERE id = ?", ps -> {
            ps.setTimestamp(1, now);
            ps.setTimestamp(2, now);
            ps.setObject(3, submissionId);
            return ps.executeUpdate();
        });
        channel.erase(submissionId);
        // Its redacted copy, and any quote of it in a public summary (ADR 37): gone from the public page at once.
        for (String table : new String[]{"redacted_answer", "public_summary_quote"}) {
            jdbc.prepareStatement("DELETE FROM " + table + " WHERE submission_id = ?", ps -> {
                ps.setObject(1, submissionId);
                return ps.executeUpdate();
            });
        }
    }

    private ChannelContent channel(SubmissionKind kind) {
        ChannelContent channel = channels.get(kind);
        if (channel == null) {
            throw new IllegalStateException("No ChannelContent bean for " + kind);
        }
        return channel;
    }

    private static OwnedSubmission read(ResultSet rs) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new OwnedSubmission(rs.getObject("id", UUID.class), SubmissionKind.valueOf(rs.getString("kind")),
                rs.getString("reference"), SubmissionStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("submitted_at").toInstant(), withdrawn == null ? null : withdrawn.toInstant(),
                themes(rs.getArray("themes")));
    }

    private static List<Theme> themes(Array array) throws SQLException {
        List<Theme> themes = new ArrayList<>();
        for (Object code : (Object[]) array.getArray()) {
            themes.add(Theme.valueOf(code.toString()));
        }
        return themes;
    }

    private static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not Found", "No such submission.");
    }

    /** The submission row as locked for withdrawal. */
    private record Locked(SubmissionKind kind, SubmissionStatus status) {
    }
}
