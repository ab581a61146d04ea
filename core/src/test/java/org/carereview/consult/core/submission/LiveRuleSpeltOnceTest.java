package org.carereview.consult.core.submission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "A live submission is neither quarantined nor withdrawn" is spelt in SQL only by {@link LiveSubmissions}: any
 * other main class of any module that writes {@code NOT IN ('QUARANTINED', 'WITHDRAWN')} (in either order) has a
 * rule of its own. Conditions that differ on purpose ({@code status <> 'WITHDRAWN'} alone) are not this rule.
 */
class LiveRuleSpeltOnceTest {

    /** The two statuses excluded together, in either order, on one line or across a text block's lines. */
    private static final Pattern LIVE_CONDITION = Pattern.compile(
            "(?i)NOT\\s+IN\\s*\\(\\s*'(QUARANTINED|WITHDRAWN)'\\s*,\\s*'(?!\\1')(QUARANTINED|WITHDRAWN)'\\s*\\)");

    @Test
    void noClassButLiveSubmissionsSpellsTheLiveCondition() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> found = spellings(root);
        assertTrue(found.isEmpty(), "the live-submission condition spelt outside LiveSubmissions: " + found);
    }

    @Test
    void theCheckFindsAPlantedCopyInEitherOrder(@TempDir Path root) throws IOException {
        Path main = Files.createDirectories(root.resolve("triage/src/main/java/planted"));
        Files.writeString(main.resolve("PlantedStore.java"), """
                class PlantedStore {
                    static final String LIVE = " AND s.status NOT IN ('QUARANTINED', 'WITHDRAWN')";
                    static final String ALSO = \"""
                            WHERE status not in ('WITHDRAWN',
                                                 'QUARANTINED')\""";
                    static final String OTHER = " AND s.status <> 'WITHDRAWN' AND s.status NOT IN ('NEW', 'ARCHIVED')";
                }
                """);
        Path test = Files.createDirectories(root.resolve("triage/src/test/java/planted"));
        Files.writeString(test.resolve("PlantedTest.java"), "String sql = \"NOT IN ('QUARANTINED', 'WITHDRAWN')\";");
        Path home = Files.createDirectories(root.resolve("core/src/main/java/submission"));
        Files.writeString(home.resolve("LiveSubmissions.java"), "String sql = \"NOT IN ('QUARANTINED', 'WITHDRAWN')\";");

        assertEquals(List.of("triage/src/main/java/planted/PlantedStore.java:2",
                "triage/src/main/java/planted/PlantedStore.java:4"), spellings(root));
    }

    /** Every place, as {@code path:line}, a main Java source other than the rule's home spells the condition. */
    private static List<String> spellings(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.getFileName().toString().equals("LiveSubmissions.java"))
                    .sorted()
                    .flatMap(p -> {
                        String text = read(p);
                        Matcher m = LIVE_CONDITION.matcher(text);
                        Stream.Builder<String> at = Stream.builder();
                        while (m.find()) {
                            at.add(root.relativize(p) + ":" + lineOf(text, m.start()));
                        }
                        return at.build();
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lineOf(String text, int offset) {
        return text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
