package org.carereview.consult.triage.summaries;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.carereview.consult.core.submission.SubmissionKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code public_summary} rows. */
@Singleton
class SummaryStore {

    private static final String COLUMNS = "id, channel, title, what_we_did, what_we_did_child, state, counts::text AS counts, "
            + "created_at, published_at, notified_at";

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    SummaryStore(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    UUID insert(SubmissionKind channel, String title, String whatWeDid, String whatWeDidChild, UUID by, Instant now) {
        return jdbc.prepareStatement("INSERT INTO public_summary (channel, title, what_we_did, what_we_did_child, "
                + "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", ps -> {
            ps.setString(1, channel.name());
            ps.setString(2, title);
            ps.setString(3, whatWeDid);
            ps.setString(4, whatWeDidChild);
            ps.setObject(5, by);
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setTimestamp(7, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        });
    }

    /** Every summary, newest first; only published ones with {@code publishedOnly}. */
    List<Summary> list(boolean publishedOnly) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM public_summary"
                + (publishedOnly ? " WHERE state = 'PUBLISHED' ORDER BY published_at DESC, id" : " ORDER BY created_at DESC, id"),
                ps -> {
                    List<Summary> all = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            all.add(read(rs));
                        }
                    }
                    return all;
                });
    }

    /** The summary, locked for a change when {@code forUpdate}. */
    Optional<Summary> find(UUID id, boolean forUpdate) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM public_summary WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""),
                ps -> {
                    ps.setObject(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(read(rs)) : Optional.<Summary>empty();
                    }
                });
    }

    void publish(UUID id, ThemeCounts counts, UUID by, Instant now) {
        update("UPDATE public_summary SET state = 'PUBLISHED', counts = ?::jsonb, published_by = ?, published_at = ?, "
                + "updated_at = ? WHERE id = ?", id, write(counts), by, Timestamp.from(now), Timestamp.from(now));
    }

    void unpublish(UUID id, Instant now) {
        update("UPDATE public_summary SET state = 'UNPUBLISHED', updated_at = ? WHERE id = ?", id, Timestamp.from(now));
    }

    void notified(UUID id, Instant now) {
        update("UPDATE public_summary SET notified_at = ? WHERE id = ?", id, Timestamp.from(now));
    }

    /** Runs an update whose last parameter is the summary's id. */
    private void update(String sql, UUID id, Object... values) {
        jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.setObject(values.length + 1, id);
            return ps.executeUpdate();
        });
    }

    private Summary read(ResultSet rs) throws SQLException {
        String counts = rs.getString("counts");
        return new Summary(rs.getObject("id", UUID.class), SubmissionKind.valueOf(rs.getString("channel")),
                rs.getString("title"), rs.getString("what_we_did"), rs.getString("what_we_did_child"),
                SummaryState.valueOf(rs.getString("state")), counts == null ? null : parse(counts),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("published_at")),
                instant(rs.getTimestamp("notified_at")));
    }

    private String write(ThemeCounts counts) {
        try {
            return json.writeValueAsString(counts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ThemeCounts parse(String counts) {
        try {
            return json.readValue(counts, ThemeCounts.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nullable
    private static Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
