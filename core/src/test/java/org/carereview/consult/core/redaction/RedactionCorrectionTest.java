package org.carereview.consult.core.redaction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Staff correct what the rules found: a detail they missed is added, a wrong redaction is undone. */
class RedactionCorrectionTest {

    private final Redactor redactor = new Redactor();

    @Test
    void aCorrectionRedactsADetailTheRulesMissed() {
        String text = "my key worker at Beechwood was kind";
        Redaction r = redactor.redact(text, List.of(Correction.redact(Kind.PLACEMENT, 17, "Beechwood")));
        assertEquals("my key worker at [placement] was kind", r.text());
        assertEquals(List.of(new Found(Kind.PLACEMENT, 17, 26)), r.found());
    }

    @Test
    void aCorrectionKeepsADetailTheRulesTookOutByMistake() {
        String text = "my sw sarah rang 07700 900123";
        assertEquals("my sw [name] rang [phone]", redactor.redact(text).text());
        Redaction r = redactor.redact(text, List.of(Correction.keep(6, "sarah")));
        assertEquals("my sw sarah rang [phone]", r.text());
        assertEquals(List.of(new Found(Kind.PHONE, 17, 29)), r.found());
    }

    @Test
    void aCorrectionReplacesWhatItOverlaps() {
        String text = "write to 12 Acacia Avenue, Hull";
        Redaction r = redactor.redact(text, List.of(Correction.redact(Kind.ADDRESS, 9, "12 Acacia Avenue, Hull")));
        assertEquals("write to [address]", r.text());
    }

    @Test
    void aCorrectionIsIgnoredWhenTheTextHasChangedUnderIt() {
        String text = "my sw sarah rang";
        Redaction r = redactor.redact(text, List.of(Correction.keep(6, "emma"), Correction.redact(Kind.NAME, 40, "x")));
        assertEquals("my sw [name] rang", r.text());
    }

    @Test
    void aCorrectionNeedsItsTextAndAKindToRedact() {
        assertThrows(IllegalArgumentException.class, () -> new Correction(true, null, 0, 3, "abc"));
        assertThrows(IllegalArgumentException.class, () -> new Correction(false, null, 0, 3, "ab"));
        assertThrows(IllegalArgumentException.class, () -> Correction.keep(-1, "ab"));
    }
}
