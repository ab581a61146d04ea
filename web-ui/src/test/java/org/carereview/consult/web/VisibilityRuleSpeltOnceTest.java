package org.carereview.consult.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
    void noClassButVisibilitySpellsTheFlaggedSubmissionCondition() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> !ALLOWED.contains(p.getFileName().toString()))
                    .forEach(p -> {
                        List<String> lines = read(p);
                        for (int i = 0; i < lines.size(); i++) {
                            String line = lines.get(i).strip();
                            boolean comment = line.startsWith("*") || line.startsWith("/*") || line.startsWith("//");
                            if (!comment && FLAG_CONDITION.matcher(line).find()) {
                                found.add(root.relativize(p) + ":" + (i + 1));
                            }
                        }
                    });
        }
        assertTrue(found.isEmpty(), "the flagged-submission condition spelt outside Visibility: " + found);
    }

    @Test
    void theCheckFindsTheConditionsItLooksFor() {
        assertTrue(FLAG_CONDITION.matcher("\"WHERE id = ? AND NOT s.safeguarding\"").find());
        assertTrue(FLAG_CONDITION.matcher("\" AND safeguarding ORDER BY\"").find());
    }

    private static List<String> read(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
