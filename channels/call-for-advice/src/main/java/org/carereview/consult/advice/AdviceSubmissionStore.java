package org.carereview.consult.advice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.privacy.SentWithStore;
import org.carereview.consult.notifications.MultiRowInsert;

import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The answers, contact address and consents in {@code advice_submission}, read by submission and erased. */
@Singleton
class AdviceSubmissionStore {

    /** The answers as stored (the respondent type by its name); all null once erased. */
    record Answers(@Nullable String respondentType, @Nullable String organisation, @Nullable String keyQuestions,
                   @Nullable String engagementAdvice, @Nullable String resources, @Nullable String groupsToSpeakTo) {
    }

    /** The address left (if any) and the consents given. */
    record ContactRow(@Nullable String email, boolean consentToContact, boolean consentToPublish) {
    }

    private final JdbcOperations jdbc;
    private final MultiRowInsert<AdviceDetails> details = new MultiRowInsert<>("INSERT INTO advice_submission "
            + "(submission_id, respondent_type, organisation, key_questions, engagement_advice, resources, "
            + "groups_to_speak_to, contact_email, consent_to_contact, consent_to_publish) VALUES",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "", (ps, i, d) -> {
                ps.setObject(i, d.submissionId());
                ps.setString(i + 1, d.respondentType() == null ? null : d.respondentType().name());
                ps.setString(i + 2, d.organisation());
                ps.setString(i + 3, d.keyQuestions());
                ps.setString(i + 4, d.engagementAdvice());
                ps.setString(i + 5, d.resources());
                ps.setString(i + 6, d.groupsToSpeakTo());
                ps.setString(i + 7, d.contactEmail());
                ps.setBoolean(i + 8, d.consentToContact());
                ps.setBoolean(i + 9, d.consentToPublish());
            });

    AdviceSubmissionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes a new submission's details, in the caller's transaction. By hand rather than through the repository's
     * {@code save}: on the intake's path, Micronaut Data's work around this one INSERT (the entity's introspection,
     * each value bound through its converters) was about 6 % of the request threads' samples in a profile of the
     * intake bench.
     */
    void insert(AdviceDetails d) {
        details.insert(jdbc, List.of(d));
    }

    /** As {@link #insert}, for the details of several new submissions with one statement. */
    void insertAll(List<AdviceDetails> rows) {
        details.insert(jdbc, rows);
    }

    Optional<Answers> answers(UUID submissionId) {
        return jdbc.prepareStatement("SELECT respondent_type, organisation, key_questions, engagement_advice, "
                + "resources, groups_to_speak_to FROM advice_submission WHERE submission_id = ?", ps -> {
            ps.setObject(1, submissionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Answers>empty();
                }
                return Optional.of(new Answers(rs.getString("respondent_type"), rs.getString("organisation"),
                        rs.getString("key_questions"), rs.getString("engagement_advice"), rs.getString("resources"),
                        rs.getString("groups_to_speak_to")));
            }
        });
    }

    /** Whether they agreed to be quoted; null if there is no such submission. */
    @Nullable
    Boolean consentToPublish(UUID submissionId) {
        return jdbc.prepareStatement("SELECT consent_to_publish FROM advice_submission WHERE submission_id = ?", ps -> {
            ps.setObject(1, submissionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        });
    }

    Optional<ContactRow> contact(UUID submissionId) {
        return jdbc.prepareStatement(
                "SELECT contact_email, consent_to_contact, consent_to_publish FROM advice_submission "
                + "WHERE submission_id = ?", ps -> {
            ps.setObject(1, submissionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<ContactRow>empty();
                }
                return Optional.of(new ContactRow(rs.getString("contact_email"), rs.getBoolean("consent_to_contact"),
                        rs.getBoolean("consent_to_publish")));
            }
        });
    }

    /** The submissions whose contact address, trimmed and in lower case, is this one; in order, once each. */
    Set<UUID> sentWith(String email) {
        return SentWithStore.ids(jdbc,
                "SELECT submission_id FROM advice_submission WHERE lower(trim(contact_email)) = ?", email);
    }

    /** Empties the answers, the address and the consents of one submission. */
    void erase(UUID submissionId) {
        jdbc.prepareStatement("UPDATE advice_submission SET respondent_type = NULL, organisation = NULL, "
                + "key_questions = NULL, engagement_advice = NULL, resources = NULL, groups_to_speak_to = NULL, "
                + "contact_email = NULL, consent_to_contact = false, consent_to_publish = false "
                + "WHERE submission_id = ?", ps -> {
            ps.setObject(1, submissionId);
            return ps.executeUpdate();
        });
    }
}
