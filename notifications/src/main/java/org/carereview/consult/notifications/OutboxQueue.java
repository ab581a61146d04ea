package org.carereview.consult.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages that have not gone, for administrators: those waiting to be sent (PENDING: new, being sent, or
 * waiting to try again) and those the service gave up on (FAILED). Recipients are masked, and so is any
 * address inside an SMTP server's error, so the list shows that a message is stuck without saying to whom.
 */
@Singleton
public class OutboxQueue {

    /** The most messages one read returns, oldest first. */
    public static final int MAX = 500;
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");

    /** Which messages. */
    public enum Status { PENDING, FAILED }

    /** One message, with its recipient masked. */
    @Serdeable
    public record Message(UUID id, String template, String channel, String recipient, Status status, int attempts,
                          @Nullable String lastError, Instant createdAt, @Nullable Instant nextAttemptAt) {
    }

    private final OutboxQueueStore store;
    private final NotificationsConfiguration config;
    private final Clock clock;

    OutboxQueue(OutboxQueueStore store, NotificationsConfiguration config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Queues again every message given up on that still has its fields (queued less than
     * {@code consult.notifications.keep-failed-for} ago), to be tried at once with a fresh count of attempts: for
     * an administrator, once a mail setting is fixed. Answers how many.
     */
    @Transactional
    public int retryFailed() {
        Instant now = clock.instant();
        return store.retryFailed(now, now.minus(config.keepFailedFor()));
    }

    /**
     * Tries one message again at once: a failed one (with a fresh count of attempts) while it still has its fields,
     * or a waiting one without waiting for its next try. False if there is no such message in either state (sent,
     * cancelled, being sent now, or failed too long ago).
     */
    @Transactional
    public boolean retry(UUID id) {
        Instant now = clock.instant();
        return store.retry(id, now, now.minus(config.keepFailedFor()));
    }

    /**
     * Cancels one message that has not gone (waiting or failed): it is never sent, and its fields (links,
     * references) are deleted at once. False if there is no such message, or it was sent, or is being sent now.
     */
    @Transactional
    public boolean cancel(UUID id) {
        return store.cancel(id);
    }

    @Transactional
    public List<Message> list(Status status) {
        return store.list(status, MAX).stream()
                .map(row -> new Message(row.id(), row.template(), row.channel(), mask(row.recipient()), status,
                        row.attempts(), maskWithin(row.lastError()), row.createdAt(),
                        status == Status.FAILED ? null : row.nextAttemptAt()))
                .toList();
    }

    /**
     * {@code sam.jones@school.example.org} → {@code s•••@s•••.org}: the first letters and the last label only;
     * {@code +447700900123} → {@code +44•••123}.
     */
    public static String mask(String address) {
        int at = address.lastIndexOf('@');
        if (address.startsWith("+44") && at < 0 && address.length() > 6) {
            return "+44•••" + address.substring(address.length() - 3); // a text message's number: its last 3 digits
        }
        if (at <= 0) {
            return "•••";
        }
        String domain = address.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String top = dot < 0 ? "" : domain.substring(dot);
        return address.charAt(0) + "•••@" + (domain.isEmpty() ? "" : domain.charAt(0) + "•••") + top;
    }

    @Nullable
    static String maskWithin(@Nullable String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ADDRESS.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(masked, Matcher.quoteReplacement(mask(m.group())));
        }
        return m.appendTail(masked).toString();
    }
}
