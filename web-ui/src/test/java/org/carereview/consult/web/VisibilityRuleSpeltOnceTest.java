package org.carereview.consult.web;

import org.carereview.consult.db.MainSources;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "May this viewer see a flagged submission" is spelt in SQL only by {@code core.access.Visibility}: any other
 * class that writes the safeguarding condition into a WHERE clause has a rule of its own (ADR 0021).
 */
class VisibilityRuleSpeltOnceTest {

    /** A condition on the safeguarding column in a query: {@code NOT s.safeguarding}, {@code AND safeguarding}. */
    private static final Pattern FLAG_CONDITION =
            Pattern.compile("(?i)\\b(NOT|AND|WHERE|OR)\\s+(\\w+\\.)?safeguarding\\b(?![_.(])");

    /**
     * The rule itself, and the one place each of retention's purge and erasure spells its own flagged condition
     * ({@code RetentionStore}'s statements, {@code Eraser.NOT_FLAGGED}): those say what is kept, not who may see it.
     */
    private static final Set<String> ALLOWED = Set.of("Visibility.java", "RetentionStore.java", "Eraser.java");

    @Test
    void noClassButVisibilitySpellsTheFlaggedSubmissionCondition() {
        Path root = MainSources.root();
        List<String> found = new ArrayList<>();
        for (Path source : MainSources.under(root, ALLOWED)) {
            List<String> lines = MainSources.read(source).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                boolean comment = line.startsWith("*") || line.startsWith("/*") || line.startsWith("//");
                if (!comment && FLAG_CONDITION.matcher(line).find()) {
                    found.add(root.relativize(source) + ":" + (i + 1));
                }
            }
        }
        assertTrue(found.isEmpty(), "the flagged-submission condition spelt outside Visibility: " + found);
    }

    @Test
    void theCheckFindsTheConditionsItLooksFor() {
        assertTrue(FLAG_CONDITION.matcher("\"WHERE id = ? AND NOT s.safeguarding\"").find());
        assertTrue(FLAG_CONDITION.matcher("\" AND safeguarding ORDER BY\"").find());
    }
}
