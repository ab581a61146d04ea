package org.carereview.consult.triage.tagging;

import io.micronaut.context.BeanProvider;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.safeguarding.SentenceEncoder;
import org.carereview.consult.core.submission.Theme;
import org.carereview.consult.triage.suggestions.Suggester;
import org.carereview.consult.triage.suggestions.Suggestion;
import org.carereview.consult.triage.suggestions.Suggestions;
import org.carereview.consult.triage.suggestions.TaggedSet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Makes the suggestions (ADR 0035) for a batch of untagged submissions nobody has asked about yet: reads their
 * redacted text, learns from what staff have tagged so far ({@link TaggedExamples}), and stores the three most likely
 * themes (the right one is among them about 94 times in 100, the first alone about 68: ADR 0035) and the most likely
 * dilemma above {@link #MIN_DILEMMA}, each with its sentence and similar submissions. A submission is read once (marked in {@code tag_suggestion_run}); two nodes reading the
 * same one store it once.
 */
@Singleton
public class SuggestionMaker {

    static final int BATCH = 20;
    static final int PER_THEME = 200;
    static final int THEMES_KEPT = 3;
    static final double MIN_DILEMMA = 0.50;

    private static final String DUE = "SELECT s.id, (SELECT string_agg(a.value, ' ' ORDER BY a.key) "
            + "FROM jsonb_each_text(r.answers) a) FROM submission s JOIN redacted_answer r ON r.submission_id = s.id "
            + "WHERE s.themes = '{}' AND s.status NOT IN ('QUARANTINED', 'WITHDRAWN') "
            + "AND NOT EXISTS (SELECT 1 FROM tag_suggestion_run t WHERE t.submission_id = s.id) "
            + "ORDER BY s.created_at, s.id LIMIT " + BATCH;

    private record Due(UUID id, String text) {
    }

    private final JdbcOperations jdbc;
    private final TaggedExamples examples;
    private final BeanProvider<SentenceEncoder> encoders;
    private final Clock clock;
    private volatile Suggester suggester;

    SuggestionMaker(JdbcOperations jdbc, TaggedExamples examples, BeanProvider<SentenceEncoder> encoders, Clock clock) {
        this.jdbc = jdbc;
        this.examples = examples;
        this.encoders = encoders;
        this.clock = clock;
    }

    /** Suggests for the next batch; returns how many submissions it read (0 when none waits). */
    @Transactional
    public int makeDue() {
        List<Due> due = jdbc.prepareStatement(DUE, ps -> {
            List<Due> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Due(rs.getObject(1, UUID.class), rs.getString(2)));
                }
            }
            return out;
        });
        if (due.isEmpty()) {
            return 0;
        }
        Suggester reader = suggester();
        TaggedSet tagged = TaggedSet.of(examples.load(encoders.get().name(), PER_THEME));
        Timestamp now = Timestamp.from(clock.instant());
        for (Due d : due) {
            Suggestions made = d.text() == null ? Suggestions.NONE : reader.suggest(d.text(), tagged);
            jdbc.execute(c -> save(c, d.id(), made, now));
        }
        return due.size();
    }

    private Suggester suggester() {
        Suggester s = suggester;
        if (s == null) {
            synchronized (this) {
                if (suggester == null) {
                    suggester = new Suggester(encoders.get());
                }
                s = suggester;
            }
        }
        return s;
    }

    private static int save(Connection c, UUID id, Suggestions made, Timestamp now) throws SQLException {
        try (PreparedStatement run = c.prepareStatement("INSERT INTO tag_suggestion_run (submission_id, made_at) "
                + "VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            run.setObject(1, id);
            run.setTimestamp(2, now);
            if (run.executeUpdate() == 0) {
                return 0;
            }
        }
        int saved = 0;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO tag_suggestion (submission_id, frame, code, "
                + "confidence, sentence, similar_ids, made_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            List<Suggestion<?>> kept = new ArrayList<>();
            made.themes().stream().limit(THEMES_KEPT).forEach(kept::add);
            made.dilemmas().stream().filter(s -> s.confidence() >= MIN_DILEMMA).limit(1).forEach(kept::add);
            for (Suggestion<?> s : kept) {
                insert.setObject(1, id);
                insert.setString(2, s.code() instanceof Theme ? "THEME" : "DILEMMA");
                insert.setString(3, s.code().name());
                insert.setFloat(4, (float) Math.max(0, Math.min(1, s.confidence())));
                insert.setString(5, s.sentence());
                insert.setArray(6, c.createArrayOf("uuid", s.similar().stream().map(UUID::fromString).toArray()));
                insert.setTimestamp(7, now);
                saved += insert.executeUpdate();
            }
        }
        return saved;
    }
}
