package org.carereview.consult.notifications;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactional outbox: a message is written in the caller's transaction, next to the business change
 * it reports, so either both are stored or neither is. A {@link Dispatcher} sends it later.
 */
@Singleton
public class Outbox {

    private final Templates templates;
    private final OutboxStore store;
    private final Clock clock;

    Outbox(Templates templates, OutboxStore store, Clock clock) {
        this.templates = templates;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Queues a message in the caller's transaction.
     *
     * @param template  a template id, such as {@code advice-receipt}
     * @param recipient one plain email address ({@code name@example.org}, no display name) that
     *                  {@link Addresses#isDeliverable} accepts
     * @param fields    a value for every {@code ((placeholder))} of the template; extra fields are ignored
     * @return the new message's id, for {@link #status(UUID)}
     * @throws IllegalArgumentException if the template does not exist, a placeholder has no value, or the
     *                                  recipient is not an email address (the message never names the address).
     *                                  The caller's transaction is then rollback-only: a business change cannot
     *                                  commit without its message, even if the caller catches this
     * @throws io.micronaut.transaction.exceptions.IllegalTransactionStateException if called outside a transaction
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public UUID enqueue(String template, String recipient, Map<String, String> fields) {
        Map<String, String> stored = checkedFields(template, fields);
        requireAddress(recipient);
        return insert(Channel.EMAIL, template, recipient, stored);
    }

    /**
     * Queues a text message (SMS) in the caller's transaction: the template's body, rendered, without its subject.
     * Only GOV.UK Notify sends texts; see ADR 31 for what happens to them with SMTP or files.
     *
     * @param template a template id, such as {@code ebe-receipt-sms}: a short template written for a text
     * @param phone    a UK mobile number that {@link PhoneNumbers#isUkMobile} accepts, in any usual form; it is
     *                 stored as {@code +447...}
     * @param fields   a value for every {@code ((placeholder))} of the template; extra fields are ignored
     * @throws IllegalArgumentException as {@link #enqueue}, or if the number is not a UK mobile number (the message
     *                                  never quotes it)
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public UUID enqueueText(String template, String phone, Map<String, String> fields) {
        Map<String, String> stored = checkedFields(template, fields);
        String mobile = PhoneNumbers.normalise(phone).orElseThrow(
                () -> new IllegalArgumentException("recipient is not a UK mobile number the service can text"));
        return insert(Channel.SMS, template, mobile, stored);
    }

    /**
     * An email checked as {@link #enqueue} checks it, to be written with others by {@link #enqueueAll}: the intake
     * writes the receipts of the submissions that arrive together with one statement.
     */
    public record Queued(UUID id, String template, String recipient, Map<String, String> fields) {
    }

    /**
     * Checks an email as {@link #enqueue} does, without writing it.
     *
     * @throws IllegalArgumentException as {@link #enqueue}
     */
    public Queued queued(String template, String recipient, Map<String, String> fields) {
        Map<String, String> stored = checkedFields(template, fields);
        requireAddress(recipient);
        return new Queued(UUID.randomUUID(), template, recipient, stored);
    }

    /** Writes checked emails ({@link #queued}) with one statement, in the caller's transaction. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void enqueueAll(List<Queued> messages) {
        store.insertAll(messages, clock.instant());
    }

    private Map<String, String> checkedFields(String template, Map<String, String> fields) {
        if (fields == null) {
            throw new IllegalArgumentException("fields must not be null: pass an empty map");
        }
        // The check rendering makes, without the rendering: the message is rendered when it is sent.
        templates.get(template).requireFields(fields);
        Map<String, String> stored = new HashMap<>();
        fields.forEach((name, value) -> {
            if (name != null && value != null) {
                stored.put(name, value);
            }
        });
        return stored;
    }

    private UUID insert(Channel channel, String template, String recipient, Map<String, String> fields) {
        UUID id = UUID.randomUUID();
        store.insert(id, channel, template, recipient, fields, clock.instant());
        return id;
    }

    /** The message's status, if there is a message with this id. */
    public Optional<NotificationStatus> status(UUID id) {
        return store.find(id);
    }

    /** Every message to this address (compared case-insensitively), newest first. */
    public List<NotificationStatus> statusesFor(String recipient) {
        return store.findByRecipient(recipient);
    }

    private static void requireAddress(String recipient) {
        // The same rule as every field that takes an address, so an address a form accepted is never refused here
        // (which would roll back the submission it came with). The message never quotes the address.
        if (!Addresses.isDeliverable(recipient)) {
            throw new IllegalArgumentException("recipient is not one plain email address the service can send to");
        }
    }
}
