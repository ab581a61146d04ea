package org.carereview.consult.core;

import org.carereview.consult.core.submission.References;
import org.carereview.consult.core.submission.SubmissionKind;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferencesTest {

    private final References references = new References();

    @Test
    void referencesHaveTheChannelPrefixAndTwoGroupsOfFour() {
        Pattern shape = Pattern.compile("^(CFA|EBE|DDF)-[2-9A-Z]{4}-[2-9A-Z]{4}$");
        for (SubmissionKind kind : SubmissionKind.values()) {
            String reference = references.next(kind);
            assertTrue(shape.matcher(reference).matches(), reference);
            assertTrue(reference.startsWith(kind.referencePrefix() + "-"));
        }
    }

    @Test
    void referencesNeverUseCharactersThatLookAlike() {
        for (int i = 0; i < 5_000; i++) {
            String body = references.next(SubmissionKind.CALL_FOR_ADVICE).substring(4).replace("-", "");
            assertTrue(body.chars().noneMatch(c -> "01IOLSUV5".indexOf(c) >= 0), body);
        }
    }

    @Test
    void tenThousandReferencesAreAllDifferent() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(references.next(SubmissionKind.EBE_APPLICATION));
        }
        assertEquals(10_000, seen.size());
    }
}
