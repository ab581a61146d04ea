package org.carereview.consult.core.safeguarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.crypto.FieldCipher;
import org.carereview.consult.core.crypto.SealedColumn;
import org.carereview.consult.core.problem.InvalidInputException;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Why a submission is flagged, and what the safeguarding lead did about it. Only callers who have already
 * checked that the viewer may see flagged submissions (the lead, administrators) should call this.
 */
@Singleton
public class SafeguardingActions {

    public static final int MAX_LENGTH = 5000;

    /**
     * Why it is flagged: by the screening (the phrases found and their score) or by a member of staff.
     * {@code learned} is how likely the learned check found it to tell of harm (0 to 1), null where the learned
     * check did not flag it.
     */
    @Serdeable
    public record Flag(String source, int score, List<String> matched, @Nullable UUID flaggedBy, Instant flaggedAt,
                       @Nullable Double learned) {
    }

    @Serdeable
    public record Action(UUID id, String action, @Nullable UUID takenBy, Instant takenAt) {
    }

    private final JdbcOperations jdbc;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final Clock clock;

    SafeguardingActions(JdbcOperations jdbc, AuditLog audit, FieldCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Transactional
    public Optional<Flag> flag(UUID submissionId) {
        return jdbc.prepareStatement("SELECT source, score, matched, flagged_by, flagged_at, learned FROM safeguarding_flag "
                + "WHERE submission_id = ?", ps -> {
            ps.setObject(1, submissionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Flag>empty();
                }
                List<String> matched = SafeguardingAlerts.matched(
                        cipher.open(rs.getString(3), SealedColumn.SAFEGUARDING_MATCHED.purpose()));
                float learned = rs.getFloat(6);
                return Optional.of(new Flag(rs.getString(1), rs.getInt(2), matched, rs.getObject(4, UUID.class),
                        rs.getTimestamp(5).toInstant(), rs.wasNull() ? null : (double) learned));
            }
        });
    }

    @Transactional
    public List<Action> actions(UUID submissionId) {
        return jdbc.prepareStatement("SELECT id, action, taken_by, taken_at FROM safeguarding_action "
                + "WHERE submission_id = ? ORDER BY seq", ps -> {
            ps.setObject(1, submissionId);
            List<Action> actions = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actions.add(new Action(rs.getObject(1, UUID.class),
                            cipher.open(rs.getString(2), SealedColumn.SAFEGUARDING_ACTION.purpose()),
                            rs.getObject(3, UUID.class),
                            rs.getTimestamp(4).toInstant()));
                }
            }
            return actions;
        });
    }

    /**
     * Records the action the lead took (such as "Referred to the local authority's front door"), sealed; its
     * length is checked here, on the text, since the database holds only the sealed form.
     */
    @Transactional
    public Action record(UUID submissionId, @Nullable String action, UUID by) {
        String text = action == null ? "" : action.strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new InvalidInputException("action", "Enter the action you took, up to " + MAX_LENGTH + " characters");
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        jdbc.prepareStatement("INSERT INTO safeguarding_action (id, submission_id, action, taken_by, taken_at) "
                + "VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setObject(1, id);
            ps.setObject(2, submissionId);
            ps.setString(3, cipher.seal(text, SealedColumn.SAFEGUARDING_ACTION.purpose()));
            ps.setObject(4, by);
            ps.setTimestamp(5, Timestamp.from(now));
            return ps.executeUpdate();
        });
        audit.record(by, AuditAction.SAFEGUARDING_ACTION, submissionId, null);
        return new Action(id, text, by, now);
    }
}
