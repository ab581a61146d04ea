package org.carereview.consult.notifications;

import org.carereview.consult.db.ExpectedNoise;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Emails and text messages through GOV.UK Notify's API, answered by a local fake: never the real service. */
@ExpectedNoise("Notify answers 429 before it takes a message")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotifyDispatchTest implements FreshDatabase {

    static final FakeNotify NOTIFY = FakeNotify.started();
    static final String MOBILE = "07700 900123";
    static final String MAPPED = "0b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    @Inject
    Outbox outbox;
    @Inject
    Dispatcher dispatcher;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(
                TestSupport.withNotify(FreshDatabase.super.getProperties(), NOTIFY));
        properties.put("consult.notify.template-ids", " advice-draft-link = " + MAPPED);
        return properties;
    }

    @BeforeEach
    void reset() {
        TestSupport.deleteAllMessages(tx);
        clock.set(TestClockFactory.START);
        NOTIFY.reset();
    }

    @AfterAll
    void stop() {
        NOTIFY.close();
    }

    @Test
    void anEmailAndATextAreEachReceivedOnceThroughTheGenericTemplates() {
        String to = TestSupport.uniqueAddress("sam");
        UUID email = enqueueEmail(to, "CFA-7K2Q");
        UUID text = enqueueText("EBE-4XJ9");

        assertEquals(2, dispatcher.dispatchDue());
        clock.advance(Duration.ofDays(1));
        assertEquals(0, dispatcher.dispatchDue(), "nothing is sent twice");

        JSONObject sentEmail = only("email");
        assertEquals(to, sentEmail.getString("email_address"));
        assertEquals(FakeNotify.EMAIL_TEMPLATE, sentEmail.getString("template_id"));
        assertEquals(email.toString(), sentEmail.getString("reference"), "the reference names the message, no one");
        JSONObject personalisation = sentEmail.getJSONObject("personalisation");
        assertEquals("Thank you for your advice", personalisation.getString("subject"));
        assertTrue(personalisation.getString("body").contains("Your reference is: CFA-7K2Q"));

        JSONObject sentText = only("sms");
        assertEquals("+447700900123", sentText.getString("phone_number"));
        assertEquals(FakeNotify.SMS_TEMPLATE, sentText.getString("template_id"));
        assertEquals(text.toString(), sentText.getString("reference"));
        String body = sentText.getJSONObject("personalisation").getString("body");
        assertTrue(body.contains("Your reference is EBE-4XJ9") && body.contains("Applications close at 1 April"), body);
        assertTrue(!sentText.getJSONObject("personalisation").has("subject"), "a text has no subject");

        assertEquals(NotificationStatus.State.SENT, outbox.status(email).orElseThrow().state());
        assertEquals(NotificationStatus.State.SENT, outbox.status(text).orElseThrow().state());
    }

    @Test
    void aTemplateMappedToNotifysOwnGetsOurFieldsAsPersonalisation() {
        String to = TestSupport.uniqueAddress("sam");
        tx.executeWrite(status -> outbox.enqueue("advice-draft-link", to,
                Map.of("link", "https://review.test/d/abc", "expires", "4 March")));

        assertEquals(1, dispatcher.dispatchDue());

        JSONObject sent = only("email");
        assertEquals(MAPPED, sent.getString("template_id"));
        assertEquals(Map.of("link", "https://review.test/d/abc", "expires", "4 March"),
                sent.getJSONObject("personalisation").toMap());
    }

    @Test
    void neitherTheAddressNorTheContentNorTheKeyReachesTheLog() {
        String to = TestSupport.uniqueAddress("sam");
        NOTIFY.failNext(500, "Exception", "Internal server error");
        try (CapturedLogs logs = new CapturedLogs()) {
            enqueueEmail(to, "CFA-6");
            enqueueText("EBE-6");
            dispatcher.dispatchDue();
            clock.advance(Duration.ofMinutes(1));
            dispatcher.dispatchDue();

            assertTrue(logs.messages().stream().noneMatch(m -> m.contains(to) || m.contains("CFA-6")
                    || m.contains("EBE-6") || m.contains("7700") || m.contains(FakeNotify.SECRET)), logs.messages().toString());
        }
    }

    private JSONObject only(String channel) {
        assertEquals(1, NOTIFY.received(channel).size(), channel);
        return NOTIFY.received(channel).get(0).body();
    }

    private UUID enqueueEmail(String to, String reference) {
        return tx.executeWrite(status -> outbox.enqueue("advice-receipt", to, Map.of("reference", reference)));
    }

    private UUID enqueueText(String reference) {
        return tx.executeWrite(status -> outbox.enqueueText("ebe-receipt-sms", MOBILE,
                Map.of("reference", reference, "closingDate", "1 April 2025 at 5pm")));
    }
}
