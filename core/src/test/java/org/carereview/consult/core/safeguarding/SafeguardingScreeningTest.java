package org.carereview.consult.core.safeguarding;

import org.carereview.consult.db.ExpectedNoise;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.submission.NewSubmission;
import org.carereview.consult.core.submission.SubmissionDraft;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.Submissions;
import org.carereview.consult.db.FreePorts;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.notifications.Dispatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every submission's free text is screened when it is stored; a possible disclosure alerts the leads at once. */
@ExpectedNoise("one lead's stored address cannot be sent to")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafeguardingScreeningTest implements FreshDatabase {

    static final ServerSetup SMTP = new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    static final String DISCLOSURE = "My stepdad hits me when mum is out and I'm scared to go home after school.";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(SMTP);

    @Inject
    Submissions submissions;

    @Inject
    AccountService accounts;

    @Inject
    Dispatcher dispatcher;

    @Inject
    DataSource dataSource;

    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestDatabase.fresh().withAdministrator("screening.admin@example.org", "a long admin password");
        properties.put("consult.smtp.host", "127.0.0.1");
        properties.put("consult.smtp.port", String.valueOf(SMTP.getPort()));
        properties.put("consult.smtp.starttls", "false");
        properties.put("consult.base-url", "https://consult.example.org");
        return properties;
    }

    @BeforeAll
    void leads() {
        accounts.createStaff("lead.one@example.org", Role.SAFEGUARDING_LEAD, "a long lead password");
        accounts.createStaff("lead.two@example.org", Role.SAFEGUARDING_LEAD, "a long lead password");
        accounts.createStaff("just.reviewing@example.org", Role.REVIEWER, "a long reviewer password");
        accounts.setDisabled(accounts.createStaff("lead.gone@example.org", Role.SAFEGUARDING_LEAD,
                "a long lead password").id(), true);
        // A lead whose address was stored before the one address rule, and which the mailer cannot send to.
        accounts.createStaff("lead.three@example.org", Role.SAFEGUARDING_LEAD, "a long lead password");
        TestSql.execute(dataSource, "UPDATE account SET email = 'lead..three@example.org' WHERE email = 'lead.three@example.org'");
    }

    @Test
    void aLeadsUndeliverableAddressNeverCostsTheSubmissionOrTheOtherLeadsAlerts() {
        NewSubmission created = tx.executeWrite(status -> submissions.create(draft(DISCLOSURE)));
        assertEquals(List.of("t"), TestSql.column(dataSource, "SELECT safeguarding FROM submission WHERE id = ?", created.id()));
        assertEquals(List.of("lead.one@example.org", "lead.two@example.org"), TestSql.column(dataSource,
                "SELECT recipient FROM outbox_message WHERE template = 'safeguarding-alert' AND fields->>'reference' = ? "
                        + "ORDER BY recipient", created.reference()));
    }

    private static SubmissionDraft draft(String text) {
        return SubmissionDraft.of(SubmissionKind.CALL_FOR_ADVICE, null, null, Set.of(), Set.of(), text);
    }

    @Test
    void aDisclosureIsFlaggedAndEveryEnabledLeadIsAlertedInTheSameTransaction() {
        NewSubmission created = tx.executeWrite(status -> submissions.create(draft(DISCLOSURE)));

        assertEquals(List.of("t"), TestSql.column(dataSource, "SELECT safeguarding FROM submission WHERE id = ?", created.id()));
        assertEquals(List.of("lead.one@example.org", "lead.two@example.org"), TestSql.column(dataSource,
                "SELECT recipient FROM outbox_message WHERE template = 'safeguarding-alert' AND fields->>'reference' = ? "
                        + "ORDER BY recipient", created.reference()));
        assertEquals(List.of("https://consult.example.org/staff/triage/" + created.id()), TestSql.column(dataSource,
                "SELECT DISTINCT fields->>'link' FROM outbox_message WHERE fields->>'reference' = ?", created.reference()));
        assertEquals(List.of("SCREENING"), TestSql.column(dataSource,
                "SELECT source FROM safeguarding_flag WHERE submission_id = ?", created.id()));
    }

    @Test
    void whenTheSubmissionRollsBackNeitherItNorItsAlertIsStored() {
        long submissionsBefore = TestSql.count(dataSource, "SELECT count(*) FROM submission");
        long alertsBefore = TestSql.count(dataSource, "SELECT count(*) FROM outbox_message WHERE template = 'safeguarding-alert'");
        tx.executeWrite(status -> {
            submissions.create(draft("Nobody knows he touches me."));
            assertEquals(alertsBefore, TestSql.count(dataSource,
                    "SELECT count(*) FROM outbox_message WHERE template = 'safeguarding-alert'"),
                    "until it commits, no one else sees the alert");
            status.setRollbackOnly();
            return null;
        });
        assertEquals(submissionsBefore, TestSql.count(dataSource, "SELECT count(*) FROM submission"));
        assertEquals(alertsBefore, TestSql.count(dataSource,
                "SELECT count(*) FROM outbox_message WHERE template = 'safeguarding-alert'"));
    }

    @Test
    void afterTheDispatcherRunsTheLeadHasAnEmailWithTheReferenceAndLinkButNoneOfTheText() throws Exception {
        NewSubmission created = tx.executeWrite(status -> submissions.create(draft(DISCLOSURE)));
        while (dispatcher.dispatchDue() > 0) {
            // send everything due
        }
        MimeMessage alert = Arrays.stream(mail.getReceivedMessages())
                .filter(m -> GreenMailUtil.getBody(m).contains(created.reference()))
                .filter(m -> addressedTo(m, "lead.one@example.org"))
                .findFirst().orElseThrow(() -> new AssertionError("no alert for " + created.reference()));
        String everything = alert.getSubject() + "\n" + GreenMailUtil.getBody(alert);
        assertTrue(everything.contains("/staff/triage/" + created.id()), "a link to the staff page");
        for (String word : List.of("stepdad", "hits", "scared", "school")) {
            assertFalse(everything.toLowerCase().contains(word), "the alert quotes nothing of the text: " + word);
        }
        assertFalse(Arrays.stream(mail.getReceivedMessages()).anyMatch(m -> addressedTo(m, "just.reviewing@example.org")
                || addressedTo(m, "lead.gone@example.org")), "reviewers and disabled leads get no alert");
    }

    @Test
    void neutralTextIsNotFlaggedAndAlertsNobody() {
        long alertsBefore = TestSql.count(dataSource, "SELECT count(*) FROM outbox_message WHERE template = 'safeguarding-alert'");
        NewSubmission created = tx.executeWrite(status -> submissions.create(draft(
                "Foster carers need more support and social workers need time to build relationships with children. "
                        + "The review should read the Care Crisis Review and speak to kinship carers.")));
        assertEquals(List.of("f"), TestSql.column(dataSource, "SELECT safeguarding FROM submission WHERE id = ?", created.id()));
        assertEquals(alertsBefore, TestSql.count(dataSource,
                "SELECT count(*) FROM outbox_message WHERE template = 'safeguarding-alert'"));
    }

    private static boolean addressedTo(MimeMessage message, String email) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(email));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
