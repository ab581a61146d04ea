package org.carereview.consult.deepdives;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.crypto.FieldCipher;
import org.carereview.consult.core.crypto.SealedColumn;
import org.carereview.consult.db.FreePorts;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.notifications.Dispatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.carereview.consult.deepdives.DeepDivesTestSupport.getJson;
import static org.carereview.consult.deepdives.DeepDivesTestSupport.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A facilitator's notes on a session are screened when the session is added: notes that may tell of harm mark the
 * session, alert every enabled safeguarding lead in the same transaction (without quoting them), and are then read
 * only by the lead and administrators.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeepDiveSessionNotesTest implements FreshDatabase {

    static final ServerSetup SMTP = new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    static final String DISCLOSURE = "A girl told us her stepdad hits her and she is scared to go home";
    static final String ORDINARY = "Twelve young people came. They talked about moving schools and wanted more say in reviews.";
    static final String TEMPLATE = "safeguarding-notes-alert";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(SMTP);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    FieldCipher cipher;

    @Inject
    AccountService accounts;

    @Inject
    Sessions sessions;

    @Inject
    Dispatcher dispatcher;

    @Inject
    TransactionOperations<Connection> tx;

    String admin;
    String reviewer;
    String lead;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = DeepDivesTestSupport.properties();
        properties.put("consult.smtp.host", "127.0.0.1");
        properties.put("consult.smtp.port", String.valueOf(SMTP.getPort()));
        properties.put("consult.smtp.starttls", "false");
        return properties;
    }

    @BeforeAll
    void signIn() {
        admin = DeepDivesTestSupport.adminToken(http);
        reviewer = DeepDivesTestSupport.staffToken(http, accounts, "notes.reviewer@example.org", Role.REVIEWER);
        lead = DeepDivesTestSupport.staffToken(http, accounts, "notes.lead.one@example.org", Role.SAFEGUARDING_LEAD);
        accounts.createStaff("notes.lead.two@example.org", Role.SAFEGUARDING_LEAD, DeepDivesTestSupport.PASSWORD);
        accounts.setDisabled(accounts.createStaff("notes.lead.gone@example.org", Role.SAFEGUARDING_LEAD,
                DeepDivesTestSupport.PASSWORD).id(), true);
    }

    private Map<String, Object> addSession(String slug, String heldOn, String notes) {
        return postJson(http, "/areas/" + slug + "/sessions", Map.of("heldOn", heldOn, "audience",
                "CARE_EXPERIENCED_YOUNG_PEOPLE", "facilitator", "Sam Facilitator", "notes", notes), admin);
    }

    private long alerts() {
        return TestSql.count(dataSource, "SELECT count(*) FROM outbox_message WHERE template = ?", TEMPLATE);
    }

    @Test
    void notesWithADisclosureMarkTheSessionAndAlertEveryEnabledLeadWithTheAreaAndLinkButNoneOfTheNotes() {
        Map<String, Object> added = addSession("north-lincolnshire", "2027-04-20", DISCLOSURE);

        assertEquals(true, added.get("safeguarding"));
        assertEquals(Session.WITHHELD, added.get("notes"), "whoever typed them is not shown them back");
        assertEquals(List.of("t"), TestSql.column(dataSource,
                "SELECT safeguarding FROM deep_dive_session WHERE id = ?::uuid", added.get("id")));
        assertEquals(DISCLOSURE, cipher.open(TestSql.column(dataSource,
                "SELECT notes FROM deep_dive_session WHERE id = ?::uuid", added.get("id")).get(0),
                SealedColumn.SESSION_NOTES.purpose()), "the notes are kept, sealed");
        assertEquals(List.of("notes.lead.one@example.org", "notes.lead.two@example.org"), TestSql.column(dataSource,
                "SELECT recipient FROM outbox_message WHERE template = ? AND fields->>'area' = 'North Lincolnshire' "
                        + "ORDER BY recipient", TEMPLATE), "one alert per enabled lead; none to the disabled lead");
        assertEquals(List.of("North Lincolnshire|20 April 2027|"
                        + "https://haveyoursay.example.org/staff/deep-dives/areas/north-lincolnshire"),
                TestSql.column(dataSource, "SELECT DISTINCT (fields->>'area') || '|' || (fields->>'heldOn') || '|' "
                        + "|| (fields->>'link') FROM outbox_message WHERE template = ? "
                        + "AND fields->>'area' = 'North Lincolnshire'", TEMPLATE));
        String fields = String.join("\n", TestSql.column(dataSource,
                "SELECT fields::text FROM outbox_message WHERE template = ?", TEMPLATE)).toLowerCase();
        for (String word : List.of("girl", "stepdad", "hits", "scared", "home")) {
            assertFalse(fields.contains(word), "the alert quotes nothing of the notes: " + word);
        }
    }

    @Test
    void afterTheDispatcherRunsTheLeadHasAnEmailWithTheAreaAndLinkButNoneOfTheNotes() {
        addSession("peterborough", "2027-05-03", DISCLOSURE);
        while (dispatcher.dispatchDue() > 0) {
            // send everything due
        }
        MimeMessage alert = Arrays.stream(mail.getReceivedMessages())
                .filter(m -> subject(m).contains("Peterborough"))
                .filter(m -> addressedTo(m, "notes.lead.one@example.org"))
                .findFirst().orElseThrow(() -> new AssertionError("no alert for the Peterborough session"));
        String everything = subject(alert) + "\n" + body(alert);
        assertTrue(everything.contains("https://haveyoursay.example.org/staff/deep-dives/areas/peterborough"), everything);
        assertTrue(everything.contains("3 May 2027"), everything);
        for (String word : List.of("girl", "stepdad", "hits", "scared")) {
            assertFalse(everything.toLowerCase().contains(word), "the email quotes nothing of the notes: " + word);
        }
        assertFalse(Arrays.stream(mail.getReceivedMessages()).anyMatch(m -> addressedTo(m, "notes.reviewer@example.org")
                || addressedTo(m, "notes.lead.gone@example.org")), "reviewers and disabled leads get no alert");
    }

    @Test
    void ordinaryNotesAreNotFlaggedAndAlertNobody() {
        long before = alerts();
        Map<String, Object> added = addSession("wolverhampton", "2027-06-01", ORDINARY);

        assertEquals(false, added.get("safeguarding"));
        assertEquals(ORDINARY, added.get("notes"));
        assertEquals(List.of("f"), TestSql.column(dataSource,
                "SELECT safeguarding FROM deep_dive_session WHERE id = ?::uuid", added.get("id")));
        assertEquals(before, alerts());

        Map<String, Object> none = postJson(http, "/areas/wolverhampton/sessions",
                Map.of("heldOn", "2027-06-02", "audience", "FAMILIES"), admin);
        assertEquals(false, none.get("safeguarding"), "a session without notes is never flagged");
        assertEquals(before, alerts());
    }

    @Test
    void onlyTheLeadAndAdministratorsReadFlaggedNotesInTheApi() {
        String flagged = (String) addSession("enfield", "2027-07-01", DISCLOSURE).get("id");
        String ordinary = (String) addSession("enfield", "2027-07-02", ORDINARY).get("id");

        Map<String, Map<String, Object>> asReviewer = byId(getJson(http, "/areas/enfield/sessions", reviewer));
        assertEquals(Session.WITHHELD, asReviewer.get(flagged).get("notes"));
        assertEquals(true, asReviewer.get(flagged).get("safeguarding"));
        assertEquals(ORDINARY, asReviewer.get(ordinary).get("notes"), "ordinary notes are for every member of staff");
        assertEquals(false, asReviewer.get(ordinary).get("safeguarding"));

        for (String reader : List.of(lead, admin)) {
            Map<String, Map<String, Object>> read = byId(getJson(http, "/areas/enfield/sessions", reader));
            assertEquals(DISCLOSURE, read.get(flagged).get("notes"));
            assertEquals(true, read.get(flagged).get("safeguarding"));
        }
        assertTrue(sessions.list("enfield").stream().filter(s -> s.safeguarding())
                .allMatch(s -> Session.WITHHELD.equals(s.notes())), "listing with no reader withholds them");
    }

    @Test
    void whenTheSessionRollsBackNeitherItNorItsAlertIsStored() {
        long sessionsBefore = TestSql.count(dataSource, "SELECT count(*) FROM deep_dive_session");
        long alertsBefore = alerts();
        tx.executeWrite(status -> {
            sessions.add("cumbria", new SessionInput("2027-08-01", "FAMILIES", null, DISCLOSURE), null);
            status.setRollbackOnly();
            return null;
        });
        assertEquals(sessionsBefore, TestSql.count(dataSource, "SELECT count(*) FROM deep_dive_session"));
        assertEquals(alertsBefore, alerts());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byId(Map<String, Object> list) {
        Map<String, Map<String, Object>> byId = new java.util.HashMap<>();
        for (Object item : (List<Object>) list.get("items")) {
            Map<String, Object> session = (Map<String, Object>) item;
            byId.put((String) session.get("id"), session);
        }
        return byId;
    }

    /** The decoded text of the message (the raw body may be quoted-printable, with long lines broken). */
    private static String body(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String text ? text : GreenMailUtil.getBody(message);
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return Optional.ofNullable(message.getSubject()).orElse("");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean addressedTo(MimeMessage message, String email) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(email));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
