package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for decisions and membership. */
@Singleton
class DecisionStore {

    /** What a decision needs to know about an application, and where to tell the applicant. */
    record Target(UUID id, String reference, ApplicationOutcome outcome, @Nullable String email,
                  @Nullable String phone) {
    }

    private final JdbcOperations jdbc;

    DecisionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the application row so two administrators deciding at once are applied one after the other. */
    Optional<Target> lockForDecision(UUID id) {
        return jdbc.prepareStatement("SELECT s.id, s.reference, a.outcome, a.email, a.phone FROM submission s "
                + "JOIN ebe_application a ON a.submission_id = s.id WHERE s.id = ? AND s.status <> 'QUARANTINED' "
                + "FOR UPDATE OF a", ps -> {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Target(rs.getObject(1, UUID.class), rs.getString(2),
                        ApplicationOutcome.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)))
                        : Optional.<Target>empty();
            }
        });
    }

    void decide(UUID id, ApplicationOutcome outcome, @Nullable String note, @Nullable UUID by, Instant now) {
        jdbc.prepareStatement("UPDATE ebe_application SET outcome = ?, outcome_changed_at = ? WHERE submission_id = ?", ps -> {
            ps.setString(1, outcome.name());
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setObject(3, id);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO ebe_decision (submission_id, outcome, note, decided_by, decided_at) "
                + "VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setObject(1, id);
            ps.setString(2, outcome.name());
            ps.setString(3, note);
            ps.setObject(4, by);
            ps.setTimestamp(5, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    boolean memberExists(UUID id) {
        return jdbc.prepareStatement("SELECT 1 FROM ebe_member WHERE submission_id = ?", ps -> {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    void setMembership(UUID id, MemberStatus status, LocalDate effective, String reason, @Nullable UUID by, Instant now) {
        jdbc.prepareStatement("INSERT INTO ebe_member (submission_id, status, effective_date, updated_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (submission_id) DO UPDATE SET status = excluded.status, "
                + "effective_date = excluded.effective_date, updated_at = excluded.updated_at", ps -> {
            ps.setObject(1, id);
            ps.setString(2, status.name());
            ps.setDate(3, Date.valueOf(effective));
            ps.setTimestamp(4, Timestamp.from(now));
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO ebe_member_change (submission_id, status, effective_date, reason, changed_by, "
                + "changed_at) VALUES (?, ?, ?, ?, ?, ?)", ps -> {
            ps.setObject(1, id);
            ps.setString(2, status.name());
            ps.setDate(3, Date.valueOf(effective));
            ps.setString(4, reason);
            ps.setObject(5, by);
            ps.setTimestamp(6, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    List<Member> members() {
        return jdbc.prepareStatement("SELECT s.id, s.reference, a.name, a.preferred_name, a.region, a.age_band, a.experiences, "
                + "m.status, m.effective_date FROM ebe_member m JOIN submission s ON s.id = m.submission_id "
                + "JOIN ebe_application a ON a.submission_id = s.id ORDER BY a.name, s.id", ps -> {
            List<Member> members = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array experiences = rs.getArray(7);
                    members.add(new Member(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6),
                            experiences == null ? List.of() : Arrays.asList((String[]) experiences.getArray()),
                            MemberStatus.valueOf(rs.getString(8)), rs.getDate(9).toLocalDate(), history(rs.getObject(1, UUID.class))));
                }
            }
            return members;
        });
    }

    private List<Member.Change> history(UUID id) {
        return jdbc.prepareStatement("SELECT status, effective_date, reason, changed_at FROM ebe_member_change "
                + "WHERE submission_id = ? ORDER BY seq", ps -> {
            ps.setObject(1, id);
            List<Member.Change> changes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.add(new Member.Change(MemberStatus.valueOf(rs.getString(1)), rs.getDate(2).toLocalDate(),
                            rs.getString(3), rs.getTimestamp(4).toInstant()));
                }
            }
            return changes;
        });
    }
}
