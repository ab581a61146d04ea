package org.carereview.consult.notifications;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Writes messages into {@code outbox_message} and reads their status back. */
@Singleton
class OutboxStore {

    private static final String STATUS_COLUMNS =
            "id, template, recipient, status, attempts, created_at, next_attempt_at, sent_at, last_error";

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    OutboxStore(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void insert(UUID id, Channel channel, String template, String recipient, Map<String, String> fields,
                Instant now) {
        String fieldsJson = toJson(fields);
        jdbc.prepareStatement("""
                INSERT INTO outbox_message (id, channel, template, recipient, fields, status, attempts, next_attempt_at,
                                            created_at, urgent)
                VALUES (?, ?, ?, ?, ?::jsonb, 'CREATED', 0, ?, ?, ?)""", ps -> {
            ps.setObject(1, id);
            ps.setString(2, channel.name());
            ps.setString(3, template);
            ps.setString(4, recipient);
            ps.setString(5, fieldsJson);
            Sql.setInstant(ps, 6, now);
            Sql.setInstant(ps, 7, now);
            ps.setBoolean(8, Urgent.template(template));
            return ps.executeUpdate();
        });
    }

    /** Writes emails checked by {@link Outbox#queued} with one statement, in the caller's transaction. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void insertAll(List<Outbox.Queued> messages, Instant now) {
        new MultiRowInsert<Outbox.Queued>("INSERT INTO outbox_message (id, channel, template, recipient, fields, "
                + "status, attempts, next_attempt_at, created_at, urgent) VALUES",
                "(?, ?, ?, ?, ?::jsonb, 'CREATED', 0, ?, ?, ?)", "", (ps, i, m) -> {
            ps.setObject(i, m.id());
            ps.setString(i + 1, Channel.EMAIL.name());
            ps.setString(i + 2, m.template());
            ps.setString(i + 3, m.recipient());
            ps.setString(i + 4, toJson(m.fields()));
            Sql.setInstant(ps, i + 5, now);
            Sql.setInstant(ps, i + 6, now);
            ps.setBoolean(i + 7, Urgent.template(m.template()));
        }).insert(jdbc, messages);
    }

    @Transactional(readOnly = true)
    Optional<NotificationStatus> find(UUID id) {
        return jdbc.prepareStatement("SELECT " + STATUS_COLUMNS + " FROM outbox_message WHERE id = ?", ps -> {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(status(rs)) : Optional.empty();
            }
        });
    }

    @Transactional(readOnly = true)
    List<NotificationStatus> findByRecipient(String recipient) {
        return jdbc.prepareStatement("SELECT " + STATUS_COLUMNS
                + " FROM outbox_message WHERE lower(recipient) = lower(?) ORDER BY created_at DESC, id", ps -> {
            ps.setString(1, recipient);
            List<NotificationStatus> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(status(rs));
                }
            }
            return found;
        });
    }

    /**
     * Empties the fields (links, references) of messages that were sent or given up before {@code cutoff}:
     * once a message has gone, the links in it have no further use here. The row itself stays, for delivery status.
     */
    @Transactional
    int redactFinishedBefore(Instant sentCutoff, Instant failedCutoff) {
        return jdbc.prepareStatement("""
                UPDATE outbox_message SET fields = '{}'::jsonb
                WHERE (status = 'SENT' AND COALESCE(sent_at, created_at) < ?
                       OR status = 'FAILED_PERMANENTLY' AND created_at < ?)
                  AND fields <> '{}'::jsonb""", ps -> {
            Sql.setInstant(ps, 1, sentCutoff);
            Sql.setInstant(ps, 2, failedCutoff);
            return ps.executeUpdate();
        });
    }

    private static NotificationStatus status(ResultSet rs) throws SQLException {
        return new NotificationStatus(
                rs.getObject("id", UUID.class),
                rs.getString("template"),
                rs.getString("recipient"),
                NotificationStatus.State.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                Sql.getInstant(rs, "created_at"),
                Sql.getInstant(rs, "next_attempt_at"),
                Sql.getInstant(rs, "sent_at"),
                rs.getString("last_error"));
    }

    private String toJson(Map<String, String> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (IOException e) {
            throw new UncheckedIOException("fields could not be written as JSON", e);
        }
    }
}
