package org.carereview.consult.core.submission;

import org.carereview.consult.db.MainSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        List<String> found = spellings(MainSources.root());
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
        List<String> found = new ArrayList<>();
        for (Path source : MainSources.under(root, Set.of("LiveSubmissions.java"))) {
            String text = MainSources.read(source);
            Matcher m = LIVE_CONDITION.matcher(text);
            while (m.find()) {
                found.add(root.relativize(source) + ":" + lineOf(text, m.start()));
            }
        }
        return found;
    }

    private static long lineOf(String text, int offset) {
        return text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
