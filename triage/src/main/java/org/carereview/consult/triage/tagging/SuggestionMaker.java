package org.carereview.consult.triage.tagging;

import io.micronaut.context.BeanProvider;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.safeguarding.SentenceEncoder;
import org.carereview.consult.core.submission.Theme;
import org.carereview.consult.triage.suggestions.Suggester;
import org.carereview.consult.triage.suggestions.Suggestion;
import org.carereview.consult.triage.suggestions.Suggestions;
import org.carereview.consult.triage.suggestions.TaggedSet;
import org.carereview.consult.triage.tagging.SuggestionRunStore.Due;
import org.carereview.consult.triage.tagging.SuggestionRunStore.Made;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Makes the suggestions (ADR 0035) for a batch of untagged submissions nobody has asked about yet: reads their
 * redacted text, learns from what staff have tagged so far ({@link TaggedExampleStore}), and stores the three most
 * likely themes (the right one is among them about 94 times in 100, the first alone about 68: ADR 0035) and the most
 * likely dilemma above {@link #MIN_DILEMMA}, each with its sentence and similar submissions. A submission is read
 * once (marked in {@code tag_suggestion_run}); two nodes reading the same one store it once.
 */
@Singleton
public class SuggestionMaker {

    static final int BATCH = 20;
    static final int PER_THEME = 200;
    static final int THEMES_KEPT = 3;
    static final double MIN_DILEMMA = 0.50;

    private final SuggestionRunStore store;
    private final TaggedExampleStore examples;
    private final BeanProvider<SentenceEncoder> encoders;
    private final Clock clock;
    private volatile Suggester suggester;

    SuggestionMaker(SuggestionRunStore store, TaggedExampleStore examples, BeanProvider<SentenceEncoder> encoders,
                    Clock clock) {
        this.store = store;
        this.examples = examples;
        this.encoders = encoders;
        this.clock = clock;
    }

    /** Suggests for the next batch; returns how many submissions it read (0 when none waits). */
    @Transactional
    public int makeDue() {
        List<Due> due = store.due(BATCH);
        if (due.isEmpty()) {
            return 0;
        }
        Suggester reader = suggester();
        TaggedSet tagged = TaggedSet.of(examples.load(encoders.get().name(), PER_THEME));
        Instant now = clock.instant();
        for (Due d : due) {
            Suggestions made = d.text() == null ? Suggestions.NONE : reader.suggest(d.text(), tagged);
            store.save(d.id(), kept(made), now);
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

    /**
     * What is stored of what was suggested: the first {@link #THEMES_KEPT} themes and the first dilemma at or above
     * {@link #MIN_DILEMMA}, each confidence held between 0 and 1.
     */
    private static List<Made> kept(Suggestions made) {
        List<Suggestion<?>> kept = new ArrayList<>();
        made.themes().stream().limit(THEMES_KEPT).forEach(kept::add);
        made.dilemmas().stream().filter(s -> s.confidence() >= MIN_DILEMMA).limit(1).forEach(kept::add);
        List<Made> rows = new ArrayList<>();
        for (Suggestion<?> s : kept) {
            rows.add(new Made(s.code() instanceof Theme ? "THEME" : "DILEMMA", s.code().name(),
                    (float) Math.max(0, Math.min(1, s.confidence())), s.sentence(),
                    s.similar().stream().map(UUID::fromString).toList()));
        }
        return rows;
    }
}
