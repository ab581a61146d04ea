package org.carereview.consult.core.safeguarding;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.submission.NewSubmission;
import org.carereview.consult.core.submission.SubmissionDraft;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.Submissions;
import org.carereview.consult.db.Eventually;
import org.carereview.consult.db.FreePorts;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.notifications.Dispatcher;
import org.carereview.consult.notifications.TableChanges;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The learned check with the real model (all-MiniLM-L6-v2 from its Maven artifact, nothing mocked): it flags
 * disclosures written the way children write that no phrase matches, leaves opinions alone, learns from the
 * lead's examples on every node, and never holds up a submission while it is not ready.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearnedCheckTest implements FreshDatabase {

    static final ServerSetup SMTP = new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    static final String START = "2027-01-20T10:00:00Z";
    static final String NEGLECT = "theres nothing to eat and mum's been gone 2 days";
    static final String PASSWORD = "a long enough password";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(SMTP);

    @Inject Submissions submissions;
    @Inject Screening screening;
    @Inject LearnedCheck learned;
    @Inject LearnedQueue queue;
    @Inject ModelReaders readers;
    @Inject SafeguardingExamples examples;
    @Inject AccountService accounts;
    @Inject Dispatcher dispatcher;
    @Inject DataSource dataSource;
    @Inject MutableClock clock;
    @Inject TableChanges changes;
    @Inject TransactionOperations<Connection> tx;
    @Inject @Client("/") HttpClient http;

    private final Map<String, String> properties = new HashMap<>();
    private UUID lead;

    @Override
    public Map<String, String> getProperties() {
        if (properties.isEmpty()) {
            properties.putAll(TestDatabase.fresh().withAdministrator("learned.admin@example.org", "a long admin password"));
            properties.put("consult.smtp.host", "127.0.0.1");
            properties.put("consult.smtp.port", String.valueOf(SMTP.getPort()));
            properties.put("consult.smtp.starttls", "false");
            properties.put("consult.safeguarding.learned.enabled", "true");
            // One request at a time reads with the model, and none waits for its turn: a busy model is one reader.
            properties.put("consult.safeguarding.learned.readers", "1");
            properties.put("consult.safeguarding.learned.reader-wait", "0s");
            properties.put("consult.safeguarding.learned.start-after", "0s");
            properties.put(TestClock.PROPERTY, START);
        }
        return properties;
    }

    @BeforeAll
    void modelReady() {
        assertTrue(learned.started(), "with start-after 0, the check starts learning at start-up itself");
        lead = accounts.createStaff("learned.lead@example.org", Role.SAFEGUARDING_LEAD, PASSWORD).id();
        assertTrue(learned.awaitReady(300), "the model loads and learns from the shipped examples");
    }

    /**
     * Tests that add examples leave a new version behind: every test starts from a model that has learned it, on a
     * node that has heard of it. A version moved by SQL (an example erased with its submission) reaches screening
     * through its announcement, which may come after the model has learned it; until then a text would be pending.
     */
    @org.junit.jupiter.api.BeforeEach
    void learnedTheCurrentExamples() {
        assertTrue(learned.awaitReady(120));
        Eventually.holds(() -> !tx.executeWrite(s -> screening.screen("The review should listen to us.")).pending(),
                "this node screens with the examples' version the model has learned");
    }

    private NewSubmission send(String text) {
        return tx.executeWrite(status -> submissions.create(
                SubmissionDraft.of(SubmissionKind.CALL_FOR_ADVICE, null, null, Set.of(), Set.of(), text)));
    }

    private boolean flagged(NewSubmission s) {
        return List.of("t").equals(TestSql.column(dataSource, "SELECT safeguarding FROM submission WHERE id = ?", s.id()));
    }

    private static boolean phrasesAlone(Screening.Result result) {
        return result.score() >= 10;
    }

    @Test
    void flagsADisclosureNoPhraseMatchesAndQueuesTheLeadsAlertInTheSameTransaction() {
        Screening.Result result = tx.executeWrite(s -> screening.screen(NEGLECT));
        assertFalse(phrasesAlone(result), "no phrase matches: " + result.matched());
        assertTrue(result.flagged());
        assertNotNull(result.learned());

        NewSubmission sent = send(NEGLECT);
        assertTrue(flagged(sent));
        assertEquals(List.of("learned.lead@example.org"), TestSql.column(dataSource, "SELECT recipient FROM outbox_message "
                + "WHERE template = 'safeguarding-alert' AND fields->>'reference' = ?", sent.reference()));
        String likely = TestSql.column(dataSource, "SELECT learned FROM safeguarding_flag WHERE submission_id = ?",
                sent.id()).get(0);
        assertTrue(Double.parseDouble(likely) >= 0.55, "how likely, for the lead: " + likely);
    }

    @Test
    void flagsTheWaysChildrenWriteThatPhrasesMissed() {
        for (String text : List.of("i just want everything to stop", "my dad b3ats me",
                "a man i met online buys me stuff and wants pics",
                "The review should speak to kinship carers. Also my mums boyfriend locks me in my room when he gets angry.")) {
            assertTrue(tx.executeWrite(s -> screening.screen(text)).flagged(), text);
        }
    }

    @Test
    void leavesAnOpinionThatUsesTheSameWordsAlone() {
        for (String text : List.of("the review should ask why children who are hurt at home wait so long for help",
                "Foster carers need more support and social workers need time to build relationships with children.")) {
            Screening.Result result = tx.executeWrite(s -> screening.screen(text));
            assertFalse(result.flagged(), text + " (" + result.learned() + ")");
            assertFalse(result.pending());
        }
    }

    @Test
    void aSubmissionReadBeforeItsTransactionIsNotReadAgainInIt() {
        Screening.Readings before = screening.readings();
        try (Screening.Ahead ahead = submissions.screenAhead(NEGLECT, null)) {
            NewSubmission sent = send(NEGLECT);
            assertTrue(ahead.used(), "the reading made before the transaction decided it");
            assertTrue(flagged(sent));
        }
        Screening.Readings after = screening.readings();
        assertEquals(before.ahead() + 1, after.ahead());
        assertEquals(before.inTransaction(), after.inTransaction(), "the model did not read it inside the transaction");
    }

    @Test
    void textThatChangedAfterItWasReadAheadIsReadAgainInItsTransaction() {
        Screening.Readings before = screening.readings();
        try (Screening.Ahead ahead = submissions.screenAhead("The review should ask children what they want.", null)) {
            NewSubmission sent = send(NEGLECT);
            assertFalse(ahead.used(), "another text's reading is never used");
            assertTrue(flagged(sent), "the text sent was read, in the transaction");
        }
        assertEquals(before.inTransaction() + 1, screening.readings().inTransaction());
    }

    @Test
    void whenTheModelIsBusyASubmissionIsScreenedByPhrasesAndQueuedInsteadOfWaiting() throws Exception {
        long queuedBefore = screening.readings().deferred();
        NewSubmission sent;
        try (HeldTurn busy = HeldTurn.take(readers); Screening.Ahead ahead = submissions.screenAhead(NEGLECT, null)) {
            sent = send(NEGLECT);
            assertFalse(ahead.used());
        }
        assertFalse(flagged(sent), "stored at once, screened by phrases alone (none matches)");
        assertEquals(queuedBefore + 1, screening.readings().deferred());
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_check_queue WHERE submission_id = ?",
                sent.id()), "queued for the learned check");

        clock.advance(Duration.ofSeconds(5));
        assertTrue(queue.checkDue() >= 1);
        assertTrue(flagged(sent), "read by the check from its queue");
    }

    @Test
    void aQueuedSubmissionAnotherNodeHasClaimedIsLeftToItUntilTheClaimRunsOut() throws Exception {
        NewSubmission sent;
        try (HeldTurn busy = HeldTurn.take(readers); Screening.Ahead ahead = submissions.screenAhead(NEGLECT, null)) {
            sent = send(NEGLECT);
            assertFalse(ahead.used(), "the model was busy: queued");
        }
        // Another node claimed it a moment ago and is reading it (or stopped while reading it).
        TestSql.execute(dataSource, "UPDATE safeguarding_check_queue SET claimed_until = ?::timestamptz + interval '2 minutes' "
                + "WHERE submission_id = ?", clock.instant().toString(), sent.id());

        while (queue.checkDue() > 0) {
            // everything else that is due
        }
        assertFalse(flagged(sent), "not read twice while the other node's claim lasts");
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_check_queue WHERE submission_id = ?",
                sent.id()));

        clock.advance(Duration.ofMinutes(3));
        assertTrue(queue.checkDue() >= 1);
        assertTrue(flagged(sent), "the claim ran out: this node read it");
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_check_queue WHERE submission_id = ?",
                sent.id()));
    }

    @Test
    void whileTheModelLearnsASubmissionIsScreenedByPhrasesQueuedAndItsLeadAlertedWithinAMinute() throws Exception {
        long heard = changes.generation();
        TestSql.execute(dataSource, "UPDATE safeguarding_model_version SET version = version + 1");
        Eventually.holds(() -> changes.generation() > heard, "this node hears of the new version");
        NewSubmission sent = send("nobody would notice if i wasnt here anymore, im so tired of everything");
        assertFalse(flagged(sent), "phrases alone do not flag it");
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_check_queue WHERE submission_id = ?",
                sent.id()), "queued for the learned check");

        assertTrue(learned.awaitReady(120));
        clock.advance(Duration.ofSeconds(5));
        assertTrue(queue.checkDue() >= 1);
        assertTrue(flagged(sent));
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_check_queue WHERE submission_id = ?",
                sent.id()));
        clock.advance(Duration.ofSeconds(10));
        while (dispatcher.dispatchDue() > 0) {
            // send everything due
        }
        assertTrue(Arrays.stream(mail.getReceivedMessages())
                .anyMatch(m -> GreenMailUtil.getBody(m).contains(sent.reference())), "the lead's email");
        String seconds = TestSql.column(dataSource, "SELECT extract(epoch FROM o.sent_at - s.submitted_at) FROM outbox_message o "
                + "JOIN submission s ON s.reference = o.fields->>'reference' WHERE s.id = ?", sent.id()).get(0);
        assertTrue(Double.parseDouble(seconds) <= 60, "sent " + seconds + " s after the submission");
    }

    @Test
    void theLeadsExamplesDecideTextsLikeThem() {
        String ordinary = "i beat my carer at uno evry nite";
        String missed = "wont be coming to group next week or ever probably";
        assertTrue(tx.executeWrite(s -> screening.screen(ordinary)).flagged(), "before: the model flags the game");
        assertFalse(tx.executeWrite(s -> screening.screen(missed)).flagged(), "before: the model misses the goodbye");

        examples.add(ordinary, "ORDINARY", lead);
        examples.add(missed, "DISCLOSURE", lead);
        assertTrue(tx.executeWrite(s -> screening.screen(ordinary)).pending(), "until this node has learned them");
        assertTrue(learned.awaitReady(120));

        assertFalse(tx.executeWrite(s -> screening.screen("I beat my carer at Uno every night!")).flagged());
        assertTrue(tx.executeWrite(s -> screening.screen(missed)).flagged());
        assertEquals(List.of("ADDED", "ADDED"), TestSql.column(dataSource, "SELECT change FROM safeguarding_example_change "
                + "WHERE source = 'LEAD' ORDER BY id DESC LIMIT 2"));
    }

    @Test
    void anExampleAddedOnOneNodeIsLearnedOnAnother() {
        String text = "my brother beat me at fifa again lol";
        try (ApplicationContext other = ApplicationContext.run(Map.<String, Object>copyOf(properties), "test")) {
            Screening otherScreening = other.getBean(Screening.class);
            TransactionOperations<Connection> otherTx = other.getBean(TransactionOperations.class);
            assertTrue(other.getBean(LearnedCheck.class).awaitReady(120));
            boolean before = otherTx.executeWrite(s -> otherScreening.screen(text)).flagged();

            SafeguardingExamples.Example added = examples.add(text, before ? "ORDINARY" : "DISCLOSURE", lead);
            Eventually.holds(() -> otherTx.executeWrite(s -> otherScreening.screen(text)).pending(),
                    "the other node sees the new version");
            assertTrue(other.getBean(LearnedCheck.class).awaitReady(120));
            assertEquals(!before, otherTx.executeWrite(s -> otherScreening.screen(text)).flagged());
            examples.remove(added.id(), lead);
        }
    }

    @Test
    void aFlagRemovedAsAMistakeBecomesACounterExampleErasedWithTheSubmission() {
        String text = "my cat got stuck in the shed for 2 days and had nothing to eat lol";
        NewSubmission sent = send(text);
        assertTrue(flagged(sent), "precondition: the model flags it");
        tx.executeWrite(s -> {
            examples.counterExample(sent.id(), lead);
            return null;
        });
        assertEquals(List.of("ORDINARY UNFLAGGED"), TestSql.column(dataSource,
                "SELECT label || ' ' || source FROM safeguarding_example WHERE submission_id = ?", sent.id()));
        assertTrue(learned.awaitReady(120));
        assertFalse(tx.executeWrite(s -> screening.screen(text)).flagged(), "it has learned the counter-example");

        TestSql.execute(dataSource, "UPDATE submission SET status = 'WITHDRAWN' WHERE id = ?", sent.id());
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_example WHERE submission_id = ?",
                sent.id()), "the text goes with the submission");
    }

    @Test
    void onlyTheLeadTeachesTheCheckAndABlankExampleIs422() {
        String leadToken = token("learned.lead@example.org");
        accounts.createStaff("learned.reviewer@example.org", Role.REVIEWER, PASSWORD);
        String reviewer = token("learned.reviewer@example.org");
        String admin = token("learned.admin@example.org", "a long admin password");

        HttpResponse<Map<String, Object>> created = http.toBlocking().exchange(HttpRequest.POST("/api/v1/safeguarding/examples",
                Map.of("text", "he says hell hurt my cat if i tell", "label", "DISCLOSURE")).bearerAuth(leadToken),
                Argument.mapOf(String.class, Object.class));
        assertEquals(HttpStatus.CREATED, created.getStatus());
        HttpClientResponseException blank = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/v1/safeguarding/examples", Map.of("text", " ", "label", "MAYBE"))
                        .bearerAuth(leadToken)));
        assertEquals(422, blank.getStatus().getCode());
        assertTrue(blank.getResponse().getBody(String.class).orElse("").contains("Select whether it tells of harm"));

        Map<String, Object> listing = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/safeguarding/examples")
                .bearerAuth(admin), Argument.mapOf(String.class, Object.class));
        assertTrue(listing.get("items").toString().contains("hurt my cat"), "administrators may read");
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/v1/safeguarding/examples", Map.of("text", "x", "label", "ORDINARY"))
                        .bearerAuth(admin))).getStatus());
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/v1/safeguarding/examples").bearerAuth(reviewer))).getStatus());
        assertEquals(HttpStatus.UNAUTHORIZED, assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/v1/safeguarding/examples"))).getStatus());
        String id = (String) created.body().get("id");
        assertEquals(HttpStatus.NO_CONTENT, http.toBlocking().exchange(HttpRequest.DELETE("/api/v1/safeguarding/examples/" + id)
                .bearerAuth(leadToken)).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.DELETE("/api/v1/safeguarding/examples/" + id).bearerAuth(leadToken))).getStatus());
        assertNull(TestSql.column(dataSource, "SELECT text FROM safeguarding_example WHERE id = ?::uuid", id)
                .stream().findFirst().orElse(null), "removed");
    }

    private String token(String email) {
        return token(email, PASSWORD);
    }

    private String token(String email, String password) {
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/login",
                Map.of("email", email, "password", password)), Argument.mapOf(String.class, Object.class)).get("accessToken");
    }
}
