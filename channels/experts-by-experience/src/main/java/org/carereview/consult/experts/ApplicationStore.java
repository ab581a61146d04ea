package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.crypto.FieldCipher;
import org.carereview.consult.core.crypto.SealedColumn;
import org.carereview.consult.core.submission.SubmissionStatus;
import org.carereview.consult.notifications.MultiRowInsert;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The rows of {@code ebe_application} and {@code ebe_equality}, beside the common submission record. The date of
 * birth, access and support needs and the equality answers are sealed here before they are written and opened
 * when read (ADR 0018); the age band is worked out before sealing and stays in clear for filtering.
 */
@Singleton
class ApplicationStore {

    /** What is written for a new application (already validated and normalised). */
    record NewRow(UUID submissionId, List<Experience> experiences, String name, @Nullable String preferredName,
                  LocalDate dateOfBirth, AgeBand ageBand, Region region, @Nullable String email,
                  @Nullable String phone, @Nullable String trustedAdultName, @Nullable String trustedAdultRelationship,
                  @Nullable String trustedAdultEmail, @Nullable String trustedAdultPhone, String experienceStory,
                  String motivation, @Nullable String availability, @Nullable String accessNeeds,
                  @Nullable String supportNeeds, boolean consentDataUse, boolean consentContactTrustedAdult) {

        /** This row, for the submission just written with this id. */
        NewRow of(UUID id) {
            return new NewRow(id, experiences, name, preferredName, dateOfBirth, ageBand, region, email, phone,
                    trustedAdultName, trustedAdultRelationship, trustedAdultEmail, trustedAdultPhone, experienceStory,
                    motivation, availability, accessNeeds, supportNeeds, consentDataUse, consentContactTrustedAdult);
        }
    }

    /** Where a keyset page starts: after the row with this submission time and id (newest first). */
    record After(Instant submittedAt, UUID id) {
    }

    private static final String VIEW_COLUMNS = "s.id, s.reference, s.status, s.submitted_at, s.withdrawn_at, "
            + "a.outcome, a.outcome_changed_at, a.experiences, a.name, a.preferred_name, a.date_of_birth, a.age_band, "
            + "a.region, a.email, a.phone, a.trusted_adult_name, a.trusted_adult_relationship, a.trusted_adult_email, "
            + "a.trusted_adult_phone, a.experience_story, a.motivation, a.availability, a.access_needs, "
            + "a.support_needs, a.consent_data_use, a.consent_contact_trusted_adult";

    private static final String SUMMARY_COLUMNS = "s.id, s.reference, s.status, s.submitted_at, s.safeguarding, "
            + "a.outcome, a.experiences, a.region, a.age_band, a.name, a.preferred_name";

    private final JdbcOperations jdbc;
    private final FieldCipher cipher;
    private final MultiRowInsert<Sealed> applications = new MultiRowInsert<>("INSERT INTO ebe_application "
            + "(submission_id, outcome, experiences, name, preferred_name, date_of_birth, age_band, region, email, "
            + "phone, trusted_adult_name, trusted_adult_relationship, trusted_adult_email, trusted_adult_phone, "
            + "experience_story, motivation, availability, access_needs, support_needs, consent_data_use, "
            + "consent_contact_trusted_adult) VALUES",
            "(?, 'SUBMITTED', ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "", (ps, i, s) -> {
                NewRow row = s.row();
                ps.setObject(i, row.submissionId());
                ps.setString(i + 1, row.experiences().stream().map(Enum::name)
                        .collect(Collectors.joining(",", "{", "}")));
                ps.setString(i + 2, row.name());
                ps.setString(i + 3, row.preferredName());
                ps.setString(i + 4, s.dateOfBirth());
                ps.setString(i + 5, row.ageBand().name());
                ps.setString(i + 6, row.region().name());
                ps.setString(i + 7, row.email());
                ps.setString(i + 8, row.phone());
                ps.setString(i + 9, row.trustedAdultName());
                ps.setString(i + 10, row.trustedAdultRelationship());
                ps.setString(i + 11, row.trustedAdultEmail());
                ps.setString(i + 12, row.trustedAdultPhone());
                ps.setString(i + 13, row.experienceStory());
                ps.setString(i + 14, row.motivation());
                ps.setString(i + 15, row.availability());
                ps.setString(i + 16, s.accessNeeds());
                ps.setString(i + 17, s.supportNeeds());
                ps.setBoolean(i + 18, row.consentDataUse());
                ps.setBoolean(i + 19, row.consentContactTrustedAdult());
            });
    private final MultiRowInsert<Sealed> equalities = new MultiRowInsert<>(
            "INSERT INTO ebe_equality (submission_id, answers) VALUES", "(?, ?)", "", (ps, i, s) -> {
                ps.setObject(i, s.row().submissionId());
                ps.setString(i + 1, s.equality());
            });

    ApplicationStore(JdbcOperations jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * A new application's row with its special-category answers sealed (in its request, not in the intake's writer)
     * and its equality answers, if any, sealed too; written with others by {@link #insertAll}.
     */
    record Sealed(NewRow row, String dateOfBirth, @Nullable String accessNeeds, @Nullable String supportNeeds,
                  @Nullable String equality) {
    }

    /** Seals its special-category answers and its equality answers (JSON, or null if none were given). */
    Sealed seal(NewRow row, @Nullable String equalityJson) {
        return new Sealed(row, cipher.seal(row.dateOfBirth().toString(), SealedColumn.DATE_OF_BIRTH.purpose()),
                cipher.seal(row.accessNeeds(), SealedColumn.ACCESS_NEEDS.purpose()),
                cipher.seal(row.supportNeeds(), SealedColumn.SUPPORT_NEEDS.purpose()),
                equalityJson == null ? null : cipher.seal(equalityJson, SealedColumn.EQUALITY_ANSWERS.purpose()));
    }

    /** Writes new applications in the caller's transaction: a statement for each table, whether one or several. */
    void insertAll(List<Sealed> rows) {
        applications.insert(jdbc, rows);
        List<Sealed> equality = rows.stream().filter(r -> r.equality() != null).toList();
        if (!equality.isEmpty()) {
            equalities.insert(jdbc, equality);
        }
    }

    Optional<ApplicationView> find(UUID id) {
        return jdbc.prepareStatement("SELECT " + VIEW_COLUMNS + " FROM submission s "
                + "JOIN ebe_application a ON a.submission_id = s.id WHERE s.id = ? AND s.kind = 'EBE_APPLICATION'", ps -> {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(view(rs)) : Optional.<ApplicationView>empty();
            }
        });
    }

    /** Up to {@code limit} applications matching the filter, newest first, after the given row (if any). */
    List<ApplicationSummary> list(ApplicationFilter filter, @Nullable After after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + SUMMARY_COLUMNS + " FROM submission s "
                + "JOIN ebe_application a ON a.submission_id = s.id WHERE s.kind = 'EBE_APPLICATION'");
        List<Object> args = new ArrayList<>();
        if (filter.outcome() != null) {
            sql.append(" AND a.outcome = ?");
            args.add(filter.outcome().name());
        }
        if (filter.region() != null) {
            sql.append(" AND a.region = ?");
            args.add(filter.region().name());
        }
        if (filter.ageBand() != null) {
            sql.append(" AND a.age_band = ?");
            args.add(filter.ageBand().name());
        }
        if (filter.experience() != null) {
            sql.append(" AND a.experiences @> ARRAY[?]::text[]");
            args.add(filter.experience().name());
        }
        if (after != null) {
            sql.append(" AND (s.submitted_at, s.id) < (?, ?)");
            args.add(OffsetDateTime.ofInstant(after.submittedAt(), ZoneOffset.UTC));
            args.add(after.id());
        }
        sql.append(" ORDER BY s.submitted_at DESC, s.id DESC LIMIT ?");
        args.add(limit);
        return jdbc.prepareStatement(sql.toString(), ps -> {
            bind(ps, args);
            List<ApplicationSummary> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(summary(rs));
                }
            }
            return items;
        });
    }

    /**
     * Erases everything the applicant told us (every personal and free-text column, the experiences, the
     * consents and the equality answers) and sets the outcome WITHDRAWN. Safe to call twice: the first
     * withdrawal's time is kept.
     */
    void erase(UUID submissionId, Instant now) {
        jdbc.prepareStatement("""
                UPDATE ebe_application SET experiences = '{}', name = NULL, preferred_name = NULL,
                    date_of_birth = NULL, age_band = NULL, region = NULL, email = NULL, phone = NULL,
                    trusted_adult_name = NULL, trusted_adult_relationship = NULL, trusted_adult_email = NULL,
                    trusted_adult_phone = NULL, experience_story = NULL, motivation = NULL, availability = NULL,
                    access_needs = NULL, support_needs = NULL, consent_data_use = false,
                    consent_contact_trusted_adult = false,
                    outcome_changed_at = CASE WHEN outcome = 'WITHDRAWN' THEN outcome_changed_at ELSE ? END,
                    outcome = 'WITHDRAWN'
                WHERE submission_id = ?""", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setObject(2, submissionId);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("DELETE FROM ebe_equality WHERE submission_id = ?", ps -> {
            ps.setObject(1, submissionId);
            return ps.executeUpdate();
        });
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    private ApplicationView view(ResultSet rs) throws SQLException {
        String taName = rs.getString("trusted_adult_name");
        String taRelationship = rs.getString("trusted_adult_relationship");
        String taEmail = rs.getString("trusted_adult_email");
        String taPhone = rs.getString("trusted_adult_phone");
        ApplicationView.TrustedAdult trustedAdult = taName == null && taRelationship == null && taEmail == null
                && taPhone == null ? null : new ApplicationView.TrustedAdult(taName, taRelationship, taEmail, taPhone);
        return new ApplicationView(rs.getObject("id", UUID.class), rs.getString("reference"),
                SubmissionStatus.valueOf(rs.getString("status")), ApplicationOutcome.valueOf(rs.getString("outcome")),
                instant(rs, "submitted_at"), instant(rs, "outcome_changed_at"), instant(rs, "withdrawn_at"),
                experiences(rs.getArray("experiences")), rs.getString("name"), rs.getString("preferred_name"),
                dateOfBirth(cipher.open(rs.getString("date_of_birth"), SealedColumn.DATE_OF_BIRTH.purpose())),
                ageBand(rs.getString("age_band")), region(rs.getString("region")), rs.getString("email"),
                rs.getString("phone"), trustedAdult, rs.getString("experience_story"), rs.getString("motivation"),
                rs.getString("availability"),
                cipher.open(rs.getString("access_needs"), SealedColumn.ACCESS_NEEDS.purpose()),
                cipher.open(rs.getString("support_needs"), SealedColumn.SUPPORT_NEEDS.purpose()),
                new ApplicationView.Consents(rs.getBoolean("consent_data_use"),
                        rs.getBoolean("consent_contact_trusted_adult")));
    }

    private static ApplicationSummary summary(ResultSet rs) throws SQLException {
        return new ApplicationSummary(rs.getObject("id", UUID.class), rs.getString("reference"),
                SubmissionStatus.valueOf(rs.getString("status")), ApplicationOutcome.valueOf(rs.getString("outcome")),
                instant(rs, "submitted_at"), experiences(rs.getArray("experiences")), region(rs.getString("region")),
                ageBand(rs.getString("age_band")), rs.getString("name"), rs.getString("preferred_name"),
                rs.getBoolean("safeguarding"));
    }

    @Nullable
    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static List<Experience> experiences(Array array) throws SQLException {
        List<Experience> experiences = new ArrayList<>();
        for (Object code : (Object[]) array.getArray()) {
            experiences.add(Experience.valueOf(code.toString()));
        }
        return experiences;
    }

    @Nullable
    private static LocalDate dateOfBirth(@Nullable String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    @Nullable
    private static AgeBand ageBand(@Nullable String code) {
        return code == null ? null : AgeBand.valueOf(code);
    }

    @Nullable
    private static Region region(@Nullable String code) {
        return code == null ? null : Region.valueOf(code);
    }
}
