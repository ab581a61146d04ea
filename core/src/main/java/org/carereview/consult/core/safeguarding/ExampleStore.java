package org.carereview.consult.core.safeguarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The labelled examples, their vectors and history, and the version nodes learn from. Callers hold the transaction,
 * except for the two the learned check uses with none open ({@link #snapshot}, {@link #saveVector}), which make
 * their own when there is none.
 */
@Singleton
class ExampleStore {

    /** An example as the learned check reads it; {@code vector} is null until a node has made it. */
    record Stored(UUID id, String text, boolean disclosure, String source, @Nullable float[] vector,
                  @Nullable String model) {
    }

    /** The one file the release before V038 shipped, and claimed in its one-row table. */
    private static final String FIRST_FILE = LearnedConfiguration.EXAMPLE_FILES.split(",")[0];

    private final JdbcOperations jdbc;

    ExampleStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    long version() {
        return jdbc.prepareStatement("SELECT version FROM safeguarding_model_version WHERE id = 1", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** The version and every example, read in one transaction. */
    @Transactional
    ExampleVectors.Snapshot snapshot() {
        return new ExampleVectors.Snapshot(version(), all());
    }

    List<Stored> all() {
        return jdbc.prepareStatement("SELECT id, text, label, source, array_send(vector), model "
                + "FROM safeguarding_example ORDER BY seq",
                ps -> {
                    List<Stored> list = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            list.add(new Stored(rs.getObject(1, UUID.class), rs.getString(2),
                                    "DISCLOSURE".equals(rs.getString(3)), rs.getString(4),
                                    StoredVectors.read(rs.getBytes(5)), rs.getString(6)));
                        }
                    }
                    return list;
                });
    }

    UUID insert(String text, boolean disclosure, String source, @Nullable UUID submissionId, @Nullable float[] vector,
                @Nullable String model, @Nullable UUID by, Instant at) {
        return jdbc.prepareStatement("INSERT INTO safeguarding_example (text, label, source, submission_id, vector, "
                + "model, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", ps -> {
            ps.setString(1, text);
            ps.setString(2, label(disclosure));
            ps.setString(3, source);
            ps.setObject(4, submissionId);
            ps.setArray(5, vector == null ? null : array(ps, vector));
            ps.setString(6, model);
            ps.setObject(7, by);
            ps.setTimestamp(8, Timestamp.from(at));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        });
    }

    /** Loads many examples in one batch (the shipped training set). */
    void insertAll(List<LabelledText> texts, Instant at) {
        jdbc.prepareStatement("INSERT INTO safeguarding_example (text, label, source, added_at) VALUES (?, ?, 'SEED', ?)",
                ps -> {
                    for (LabelledText t : texts) {
                        ps.setString(1, t.text());
                        ps.setString(2, label(t.disclosure()));
                        ps.setTimestamp(3, Timestamp.from(at));
                        ps.addBatch();
                    }
                    return ps.executeBatch().length;
                });
    }

    /** Keeps the vector made from {@code text}, unless the example's text has changed since it was read. */
    @Transactional
    void saveVector(UUID id, String text, float[] vector, String model) {
        jdbc.prepareStatement("UPDATE safeguarding_example SET vector = ?, model = ? WHERE id = ? AND text = ?", ps -> {
            ps.setArray(1, array(ps, vector));
            ps.setString(2, model);
            ps.setObject(3, id);
            ps.setString(4, text);
            return ps.executeUpdate();
        });
    }

    /** Examples of these sources, newest first (the lead's own and the counter-examples; not the 800 shipped). */
    List<SafeguardingExamples.Example> recent(List<String> sources, int limit) {
        return jdbc.prepareStatement("SELECT id, text, label, source, added_by, added_at FROM safeguarding_example "
                + "WHERE source = ANY (?) ORDER BY seq DESC LIMIT ?", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", sources.toArray()));
            ps.setInt(2, limit);
            List<SafeguardingExamples.Example> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new SafeguardingExamples.Example(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getObject(5, UUID.class),
                            rs.getTimestamp(6).toInstant()));
                }
            }
            return list;
        });
    }

    /** How many examples there are of each label and source, as "SEED DISCLOSURE" → count. */
    java.util.Map<String, Integer> counts() {
        return jdbc.prepareStatement("SELECT source || ' ' || label, count(*) FROM safeguarding_example GROUP BY 1",
                ps -> {
                    java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            counts.put(rs.getString(1), rs.getInt(2));
                        }
                    }
                    return counts;
                });
    }

    Optional<String[]> delete(UUID id) {
        return jdbc.prepareStatement("DELETE FROM safeguarding_example WHERE id = ? RETURNING label, source", ps -> {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.<String[]>empty();
            }
        });
    }

    void history(UUID exampleId, boolean disclosure, String source, String change, @Nullable UUID by, Instant at) {
        jdbc.prepareStatement("INSERT INTO safeguarding_example_change (example_id, label, source, change, changed_by, "
                + "changed_at) VALUES (?, ?, ?, ?, ?, ?)", ps -> {
            ps.setObject(1, exampleId);
            ps.setString(2, label(disclosure));
            ps.setString(3, source);
            ps.setString(4, change);
            ps.setObject(5, by);
            ps.setTimestamp(6, Timestamp.from(at));
            return ps.executeUpdate();
        });
    }

    List<SafeguardingExamples.Change> changes(int limit) {
        return jdbc.prepareStatement("SELECT example_id, label, source, change, changed_by, changed_at "
                + "FROM safeguarding_example_change ORDER BY changed_at DESC, id DESC LIMIT ?", ps -> {
            ps.setInt(1, limit);
            List<SafeguardingExamples.Change> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new SafeguardingExamples.Change(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getObject(5, UUID.class),
                            rs.getTimestamp(6).toInstant()));
                }
            }
            return list;
        });
    }

    /**
     * Claims the loading of one shipped file; false if it was loaded (or claimed) before. The first file is
     * claimed in the one-row table of the release before as well, which that release still reads while both run.
     */
    boolean claimSeeding(String file, Instant at) {
        boolean first = !FIRST_FILE.equals(file) || jdbc.prepareStatement("INSERT INTO safeguarding_example_seed "
                + "(id, seeded_at) VALUES (1, ?) ON CONFLICT (id) DO NOTHING", ps -> {
            ps.setTimestamp(1, Timestamp.from(at));
            return ps.executeUpdate() == 1;
        });
        boolean claimed = jdbc.prepareStatement("INSERT INTO safeguarding_example_file (file, loaded_at) VALUES (?, ?) "
                + "ON CONFLICT (file) DO NOTHING", ps -> {
            ps.setString(1, file);
            ps.setTimestamp(2, Timestamp.from(at));
            return ps.executeUpdate() == 1;
        });
        return first && claimed;
    }

    static String label(boolean disclosure) {
        return disclosure ? "DISCLOSURE" : "ORDINARY";
    }

    private static Array array(PreparedStatement ps, float[] vector) throws SQLException {
        Float[] boxed = new Float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            boxed[i] = vector[i];
        }
        return ps.getConnection().createArrayOf("real", boxed);
    }
}
