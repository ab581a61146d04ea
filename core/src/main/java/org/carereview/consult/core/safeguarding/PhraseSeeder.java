package org.carereview.consult.core.safeguarding;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads the phrase file into the phrase table on the first start only (a marker row claims it, so several
 * nodes starting together load it once, and a phrase the lead removed does not come back on a restart).
 */
@Singleton
class PhraseSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(PhraseSeeder.class);

    private final PhraseStore store;
    private final SafeguardingConfiguration configuration;
    private final Clock clock;

    PhraseSeeder(PhraseStore store, SafeguardingConfiguration configuration, Clock clock) {
        this.store = store;
        this.configuration = configuration;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void onStartup(StartupEvent event) {
        Instant now = clock.instant();
        if (!store.claimSeeding(now)) {
            return;
        }
        Map<String, Integer> phrases = parse(read(configuration.phraseFile()));
        phrases.forEach((phrase, weight) -> {
            store.upsert(phrase, weight, null, now);
            store.history(phrase, "SEEDED", null, weight, null, now);
        });
        LOG.info("Loaded {} safeguarding phrases from {}", phrases.size(), configuration.phraseFile());
    }

    /** Lines of {@code phrase<TAB>weight}; blank lines and lines starting with # are skipped. */
    static Map<String, Integer> parse(String text) {
        Map<String, Integer> phrases = new LinkedHashMap<>();
        int number = 0;
        for (String line : text.split("\\R")) {
            number++;
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            String phrase = PhraseText.normalise(parts[0]);
            int weight;
            try {
                weight = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : -1;
            } catch (NumberFormatException e) {
                weight = -1;
            }
            if (phrase.isEmpty() || weight < 1 || weight > SafeguardingPhrases.MAX_WEIGHT) {
                throw new IllegalStateException("Safeguarding phrase file, line " + number
                        + ": expected a phrase, a tab, and a weight from 1 to " + SafeguardingPhrases.MAX_WEIGHT);
            }
            phrases.put(phrase, weight);
        }
        return phrases;
    }

    private static String read(String resource) {
        return ShippedText.read(resource, "Safeguarding phrase file");
    }
}
