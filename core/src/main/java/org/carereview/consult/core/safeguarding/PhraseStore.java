package org.carereview.consult.core.safeguarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The phrase table and its history. Callers hold the transaction, but for the two reads screening makes when what it
 * holds has changed ({@link #versions}, {@link #weights}): those join the caller's or open their own.
 */
@Singleton
class PhraseStore {

    private final JdbcOperations jdbc;

    PhraseStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The examples' version (what the learned check learns from) and the phrases' version, in one read. */
    record Versions(long examples, long phrases) {
    }

    @Transactional
    Versions versions() {
        return jdbc.prepareStatement("SELECT version, phrase_version FROM safeguarding_model_version WHERE id = 1", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("safeguarding_model_version has no row");
                }
                return new Versions(rs.getLong(1), rs.getLong(2));
            }
        });
    }

    @Transactional
    Map<String, Integer> weights() {
        return jdbc.prepareStatement("SELECT phrase, weight FROM safeguarding_phrase", ps -> {
            Map<String, Integer> weights = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    weights.put(rs.getString(1), rs.getInt(2));
                }
            }
            return weights;
        });
    }

    List<SafeguardingPhrases.Phrase> list() {
        return jdbc.prepareStatement("SELECT phrase, weight, added_by, added_at FROM safeguarding_phrase ORDER BY phrase",
                ps -> {
                    List<SafeguardingPhrases.Phrase> list = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            list.add(new SafeguardingPhrases.Phrase(rs.getString(1), rs.getInt(2),
                                    rs.getObject(3, UUID.class), rs.getTimestamp(4).toInstant()));
                        }
                    }
                    return list;
                });
    }

    Optional<Integer> weightOf(String phrase) {
        return jdbc.prepareStatement("SELECT weight FROM safeguarding_phrase WHERE phrase = ? FOR UPDATE", ps -> {
            ps.setString(1, phrase);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.<Integer>empty();
            }
        });
    }

    void upsert(String phrase, int weight, @Nullable UUID by, Instant at) {
        jdbc.prepareStatement("INSERT INTO safeguarding_phrase (phrase, weight, added_by, added_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (phrase) DO UPDATE SET weight = EXCLUDED.weight, added_by = EXCLUDED.added_by, "
                + "added_at = EXCLUDED.added_at", ps -> {
            ps.setString(1, phrase);
            ps.setInt(2, weight);
            ps.setObject(3, by);
            ps.setTimestamp(4, Timestamp.from(at));
            return ps.executeUpdate();
        });
    }

    void delete(String phrase) {
        jdbc.prepareStatement("DELETE FROM safeguarding_phrase WHERE phrase = ?", ps -> {
            ps.setString(1, phrase);
            return ps.executeUpdate();
        });
    }

    void history(String phrase, String change, @Nullable Integer oldWeight, @Nullable Integer newWeight,
                 @Nullable UUID by, Instant at) {
        jdbc.prepareStatement("INSERT INTO safeguarding_phrase_change (phrase, change, old_weight, new_weight, "
                + "changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, phrase);
            ps.setString(2, change);
            setInt(ps, 3, oldWeight);
            setInt(ps, 4, newWeight);
            ps.setObject(5, by);
            ps.setTimestamp(6, Timestamp.from(at));
            return ps.executeUpdate();
        });
    }

    List<SafeguardingPhrases.Change> changes(int limit) {
        return jdbc.prepareStatement("SELECT phrase, change, old_weight, new_weight, changed_by, changed_at "
                + "FROM safeguarding_phrase_change ORDER BY changed_at DESC, id DESC LIMIT ?", ps -> {
            ps.setInt(1, limit);
            List<SafeguardingPhrases.Change> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new SafeguardingPhrases.Change(rs.getString(1), rs.getString(2), integer(rs, 3),
                            integer(rs, 4), rs.getObject(5, UUID.class), rs.getTimestamp(6).toInstant()));
                }
            }
            return list;
        });
    }

    /** Claims the one-time seeding; false if the phrase file was loaded before (by this node or another). */
    boolean claimSeeding(Instant at) {
        return jdbc.prepareStatement("INSERT INTO safeguarding_seed (id, seeded_at) VALUES (1, ?) "
                + "ON CONFLICT (id) DO NOTHING", ps -> {
            ps.setTimestamp(1, Timestamp.from(at));
            return ps.executeUpdate() == 1;
        });
    }

    private static void setInt(java.sql.PreparedStatement ps, int index, @Nullable Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    @Nullable
    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
