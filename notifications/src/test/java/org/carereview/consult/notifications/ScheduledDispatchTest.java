package org.carereview.consult.notifications;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreePorts;
import org.carereview.consult.db.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the scheduler on, nobody needs to call the dispatcher. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduledDispatchTest implements FreshDatabase {

    static final int SMTP_PORT = FreePorts.next();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, TestSupport.LOCALHOST, ServerSetup.PROTOCOL_SMTP));

    @Inject
    Outbox outbox;
    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestSupport.withSmtp(FreshDatabase.super.getProperties(), SMTP_PORT));
        properties.put("consult.notifications.scheduler.enabled", "true");
        properties.put("consult.notifications.dispatch-interval", "100ms");
        return properties;
    }

    @Test
    void theScheduledJobSendsAQueuedMessageOnItsOwn() throws Exception {
        String to = TestSupport.uniqueAddress("sam");
        tx.executeWrite(s -> outbox.enqueue("sign-in-link", to, Map.of("link", "https://consult.test/l/9")));

        // Blocks on GreenMail's arrival latch (no sleeping), for at most ten seconds.
        assertTrue(SMTP.waitForIncomingEmail(10_000, 1), "the job should have sent the message");
        assertEquals(to, SMTP.getReceivedMessages()[0].getAllRecipients()[0].toString());
    }
}
