package org.carereview.consult.notifications;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateTest {

    private static final Template GREETING = Template.parse("greeting", """
            Subject: Hello ((name))

            Dear ((name)),
            your code is ((code)).
            """);

    @Test
    void renderingReplacesEveryPlaceholderInSubjectAndBody() {
        Template.Rendered rendered = GREETING.render(Map.of("name", "Sam", "code", "AB-12"));

        assertEquals("Hello Sam", rendered.subject());
        assertEquals("Dear Sam,\nyour code is AB-12.\n", rendered.body());
    }

    @Test
    void placeholdersAreListedOnceEachInOrderOfFirstUse() {
        assertEquals(List.of("name", "code"), List.copyOf(GREETING.placeholders()));
    }

    @Test
    void aMissingFieldIsAnErrorNamingThePlaceholderButNoValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GREETING.render(Map.of("name", "Sam Secret")));

        assertTrue(e.getMessage().contains("code"), e.getMessage());
        assertFalse(e.getMessage().contains("Sam Secret"), e.getMessage());
        assertEquals(List.of("code"), GREETING.missingFields(Map.of("name", "Sam")));
    }

    @Test
    void aNullValueCountsAsMissing() {
        Map<String, String> fields = new java.util.HashMap<>(Map.of("name", "Sam"));
        fields.put("code", null);

        assertThrows(IllegalArgumentException.class, () -> GREETING.render(fields));
    }

    @Test
    void extraFieldsAreIgnored() {
        Template.Rendered rendered = GREETING.render(Map.of("name", "Sam", "code", "1", "unused", "x"));

        assertFalse(rendered.body().contains("x"));
    }

    @Test
    void valuesAreInsertedLiterallyAndNeverExpandedAgain() {
        String tricky = "$1 \\0 ((code)) <b>";

        Template.Rendered rendered = GREETING.render(Map.of("name", tricky, "code", "42"));

        assertEquals("Dear " + tricky + ",\nyour code is 42.\n", rendered.body());
    }

    @Test
    void lineBreaksInASubjectValueCannotStartANewHeader() {
        Template.Rendered rendered = GREETING.render(Map.of("name", "Sam\r\nBcc: someone@example.org", "code", "1"));

        assertEquals("Hello Sam Bcc: someone@example.org", rendered.subject());
    }

    @Test
    void malformedPlaceholdersAreDetectedWhenTheTemplateIsRead() {
        assertThrows(IllegalArgumentException.class,
                () -> Template.parse("t", "Subject: Hi\n\nDear ((first name)),\n"));
        assertThrows(IllegalArgumentException.class,
                () -> Template.parse("t", "Subject: Hi\n\nYour reference is ((reference\n"));
        assertThrows(IllegalArgumentException.class,
                () -> Template.parse("t", "Subject: Hi ((\n\nBody\n"));
    }

    @Test
    void ordinaryBracketsInTextAreNotPlaceholders() {
        Template t = Template.parse("t", "Subject: Hi\n\nCall Childline (free (any time)).\n");

        assertTrue(t.placeholders().isEmpty());
        assertEquals("Call Childline (free (any time)).\n", t.render(Map.of()).body());
    }

    @Test
    void aTemplateMustStartWithASubjectLineAndABlankLine() {
        assertThrows(IllegalArgumentException.class, () -> Template.parse("t", "Hello\n\nBody\n"));
        assertThrows(IllegalArgumentException.class, () -> Template.parse("t", "Subject: Hi\nBody straight away\n"));
        assertThrows(IllegalArgumentException.class, () -> Template.parse("t", "Subject:\n\nBody\n"));
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkAreAccepted() {
        Template t = Template.parse("t", "\uFEFFSubject: Hi\r\n\r\nLine one\r\nLine two\r\n");

        assertEquals("Hi", t.subject());
        assertEquals("Line one\nLine two\n", t.body());
    }
}
