package org.carereview.consult.advice;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.submission.ChannelContent;
import org.carereview.consult.core.submission.Contact;
import org.carereview.consult.core.submission.SubmissionKind;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The call for advice's details, as the owner's page and triage show them, how to reach the sender (for the
 * safeguarding lead and administrators), and their erasure on withdrawal.
 */
@Singleton
class AdviceContent implements ChannelContent {

    private static final Set<String> FREE_TEXT = Set.of("organisation", "keyQuestions", "engagementAdvice", "resources", "groupsToSpeakTo");

    private final JdbcOperations jdbc;

    AdviceContent(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The answers written in the person's own words, redacted for scorers and exports. */
    @Override
    public Set<String> freeText() {
        return FREE_TEXT;
    }

    @Override
    public SubmissionKind kind() {
        return SubmissionKind.CALL_FOR_ADVICE;
    }

    @Override
    public List<Detail> describe(UUID submissionId) {
        return jdbc.prepareStatement("SELECT respondent_type, organisation, key_questions, engagement_advice, "
                + "resources, groups_to_speak_to FROM advice_submission WHERE submission_id = ?", ps -> {
            ps.setObject(1, submissionId);
            List<Detail> details = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return details;
                }
                String type = rs.getString("respondent_type");
                details.add(new Detail("respondentType", "Who you are responding as",
                        type == null ? null : RespondentType.valueOf(type).label(), type == null ? List.of() : List.of(type)));
                String organisation = rs.getString("organisation");
                if (organisation != null) {
                    details.add(new Detail("organisation", "Organisation", organisation));
                }
                details.add(new Detail("keyQuestions", "What key questions should the review answer?",
                        rs.getString("key_questions")));
                details.add(new Detail("engagementAdvice",
                        "How should the review involve children and families who have used social care?",
                        rs.getString("engagement_advice")));
                details.add(new Detail("resources", "What should the review read?", rs.getString("resources")));
                details.add(new Detail("groupsToSpeakTo", "Who should the review speak to?",
                        rs.getString("groups_to_speak_to")));
            }
            return details;
        });
    }

    /** The free-text answers of details just written, by the names {@link #describe} gives them (nulls left out). */
    static java.util.Map<String, String> answers(AdviceDetails d) {
        java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();
        put(answers, "organisation", d.organisation());
        put(answers, "keyQuestions", d.keyQuestions());
        put(answers, "engagementAdvice", d.engagementAdvice());
        put(answers, "resources", d.resources());
        put(answers, "groupsToSpeakTo", d.groupsToSpeakTo());
        return answers;
    }

    private static void put(java.util.Map<String, String> answers, String field, String value) {
        if (value != null) {
            answers.put(field, value);
        }
    }

    @Override
    public Boolean consentToPublish(UUID submissionId) {
        return jdbc.prepareStatement("SELECT consent_to_publish FROM advice_submission WHERE submission_id = ?", ps -> {
            ps.setObject(1, submissionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        });
    }

    /** The email address they left (if any), and whether they agreed to be contacted and to be quoted. */
    @Override
    public Contact contact(UUID submissionId) {
        return jdbc.prepareStatement("SELECT contact_email, consent_to_contact, consent_to_publish FROM advice_submission "
                + "WHERE submission_id = ?", ps -> {
            ps.setObject(1, submissionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Contact.NONE;
                }
                return new Contact(rs.getString("contact_email"), null, rs.getBoolean("consent_to_contact"),
                        rs.getBoolean("consent_to_publish"), null);
            }
        });
    }

    @Override
    public void erase(UUID submissionId) {
        jdbc.prepareStatement("UPDATE advice_submission SET respondent_type = NULL, organisation = NULL, "
                + "key_questions = NULL, engagement_advice = NULL, resources = NULL, groups_to_speak_to = NULL, "
                + "contact_email = NULL, consent_to_contact = false, consent_to_publish = false "
                + "WHERE submission_id = ?", ps -> {
            ps.setObject(1, submissionId);
            return ps.executeUpdate();
        });
    }
}
