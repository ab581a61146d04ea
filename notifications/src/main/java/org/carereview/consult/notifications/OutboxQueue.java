package org.carereview.consult.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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

    private final JdbcOperations jdbc;
    private final NotificationsConfiguration config;
    private final Clock clock;

    OutboxQueue(JdbcOperations jdbc, NotificationsConfiguration config, Clock clock) {
        this.jdbc = jdbc;
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
        return jdbc.prepareStatement("""
                UPDATE outbox_message SET status = 'CREATED', attempts = 0, next_attempt_at = ?, claimed_until = NULL
                WHERE status = 'FAILED_PERMANENTLY' AND created_at >= ?""", ps -> {
            Sql.setInstant(ps, 1, now);
            Sql.setInstant(ps, 2, now.minus(config.keepFailedFor()));
            return ps.executeUpdate();
        });
    }

    /**
     * Tries one message again at once: a failed one (with a fresh count of attempts) while it still has its fields,
     * or a waiting one without waiting for its next try. False if there is no such message in either state (sent,
     * cancelled, being sent now, or failed too long ago).
     */
    @Transactional
    public boolean retry(UUID id) {
        Instant now = clock.instant();
        return jdbc.prepareStatement("""
                UPDATE outbox_message SET attempts = CASE WHEN status = 'FAILED_PERMANENTLY' THEN 0 ELSE attempts END,
                    status = 'CREATED', next_attempt_at = ?, claimed_until = NULL
                WHERE id = ? AND (status = 'CREATED' OR status = 'FAILED_PERMANENTLY' AND created_at >= ?)""", ps -> {
            Sql.setInstant(ps, 1, now);
            ps.setObject(2, id);
            Sql.setInstant(ps, 3, now.minus(config.keepFailedFor()));
            return ps.executeUpdate() == 1;
        });
    }

    /**
     * Cancels one message that has not gone (waiting or failed): it is never sent, and its fields (links,
     * references) are deleted at once. False if there is no such message, or it was sent, or is being sent now.
     */
    @Transactional
    public boolean cancel(UUID id) {
        return jdbc.prepareStatement("""
                UPDATE outbox_message SET status = 'CANCELLED', fields = '{}'::jsonb, claimed_until = NULL,
                    last_error = 'Cancelled by an administrator'
                WHERE id = ? AND status IN ('CREATED', 'FAILED_PERMANENTLY')""", ps -> {
            ps.setObject(1, id);
            return ps.executeUpdate() == 1;
        });
    }

    @Transactional
    public List<Message> list(Status status) {
        String where = status == Status.FAILED ? "status = 'FAILED_PERMANENTLY'" : "status IN ('CREATED', 'SENDING')";
        return jdbc.prepareStatement("SELECT id, template, recipient, attempts, last_error, created_at, next_attempt_at, channel"
                + " FROM outbox_message WHERE " + where + " ORDER BY created_at, id LIMIT " + MAX, ps -> {
            List<Message> messages = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp next = rs.getTimestamp(7);
                    messages.add(new Message(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(8), mask(rs.getString(3)),
                            status, rs.getInt(4), maskWithin(rs.getString(5)), rs.getTimestamp(6).toInstant(),
                            status == Status.FAILED || next == null ? null : next.toInstant()));
                }
            }
            return messages;
        });
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
