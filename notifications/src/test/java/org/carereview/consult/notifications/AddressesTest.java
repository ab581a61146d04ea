package org.carereview.consult.notifications;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.UnusualEmailAddresses;
import org.carereview.consult.db.UnusualEmailAddresses.Address;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link Addresses#isDeliverable} is the one rule for an address: over the whole list of unusual addresses it
 * agrees with what {@link Outbox#enqueue} stores and what the mail library (strict {@code InternetAddress}, the
 * MIME message the senders build) accepts, so a field that checks it can never accept an address that then
 * fails when its email is queued or sent.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AddressesTest implements FreshDatabase {

    @Inject
    Outbox outbox;
    @Inject
    TransactionOperations<Connection> tx;

    @BeforeEach
    void reset() {
        TestSupport.deleteAllMessages(tx);
    }

    /** Each address as typed, and as a field stores it (stripped, lower case). */
    private static Set<String> forms() {
        Set<String> forms = new LinkedHashSet<>();
        for (Address a : UnusualEmailAddresses.all()) {
            forms.add(a.typed());
            forms.add(a.typed().strip().toLowerCase(Locale.ROOT));
        }
        return forms;
    }

    @Test
    void theListHasOverAHundredAddressesOfBothKindsAndTheIssuesFourAreRefused() {
        List<Address> all = UnusualEmailAddresses.all();
        assertTrue(all.size() >= 100, "addresses: " + all.size());
        assertTrue(all.stream().filter(Address::accepted).count() >= 30);
        assertTrue(all.stream().filter(a -> !a.accepted()).count() >= 30);
        for (String bad : List.of("jo..smith@example.org", "jo.@example.org", "jo,smith@example.org", "jo@exa_mple.org")) {
            assertTrue(all.stream().anyMatch(a -> a.typed().equals(bad) && !a.accepted()), bad);
            assertFalse(Addresses.isDeliverable(bad), bad);
        }
    }

    @Test
    void everyVerdictInTheListIsTheRulesVerdictOnTheAddressAsAFieldStoresIt() {
        List<String> wrong = new ArrayList<>();
        for (Address a : UnusualEmailAddresses.all()) {
            if (Addresses.isDeliverable(a.typed().strip().toLowerCase(Locale.ROOT)) != a.accepted()) {
                wrong.add(a.shown() + " should be " + (a.accepted() ? "accepted" : "refused"));
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyDeliverableAddressIsOnePlainAddressToTheMailLibraryAndMakesAMessage() throws Exception {
        MimeMessages messages = new MimeMessages("no-reply@example.org", Clock.systemUTC());
        Session session = Session.getInstance(new Properties());
        for (String form : forms()) {
            if (!Addresses.isDeliverable(form)) {
                continue;
            }
            InternetAddress parsed = new InternetAddress(form, true);
            parsed.validate();
            assertFalse(parsed.isGroup(), form);
            assertNull(parsed.getPersonal(), form);
            assertEquals(form, parsed.getAddress());

            MimeMessage message = messages.build(session, new OutgoingMail(UUID.randomUUID(), form, "Subject", "Body"));
            assertEquals(form, ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress());
            message.writeTo(new ByteArrayOutputStream());
        }
    }

    @Test
    void theOutboxStoresExactlyTheDeliverableAddressesAndRefusesEveryOtherWithoutQuotingIt() {
        List<String> disagreements = new ArrayList<>();
        for (String form : forms()) {
            boolean deliverable = Addresses.isDeliverable(form);
            boolean stored;
            try {
                tx.executeWrite(status -> outbox.enqueue("sign-in-link", form, Map.of("link", "https://x.test/l")));
                stored = true;
            } catch (IllegalArgumentException e) {
                stored = false;
                if (!form.isBlank() && e.getMessage().contains(form.strip())) {
                    fail("the refusal quotes the address: " + e.getMessage());
                }
            }
            if (stored != deliverable) {
                disagreements.add(form + (deliverable ? " is deliverable but was refused" : " was stored but is not deliverable"));
            }
            if (stored) {
                assertTrue(outbox.statusesFor(form).stream().anyMatch(m -> m.recipient().equals(form)), form);
            }
        }
        assertTrue(disagreements.isEmpty(), String.join("\n", disagreements));
    }

    @Test
    void theDemoAdministratorsLocalhostAddressIsDeliverableButOtherUndottedDomainsAreNot() {
        assertTrue(Addresses.isDeliverable("admin@localhost"));
        assertFalse(Addresses.isDeliverable("admin@intranet"));
        assertFalse(Addresses.isDeliverable(null));
        assertFalse(Addresses.isDeliverable(""));
    }
}
