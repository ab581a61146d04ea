package org.carereview.consult.notifications;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The template files in the repository, as other modules rely on them. */
class TemplateFilesTest {

    private final TemplateFiles templates = new TemplateFiles();

    @Test
    void theAdviceReceiptNeedsOnlyTheReferenceAndGivesTheSafetyNumbers() {
        Template receipt = templates.get("advice-receipt");

        assertEquals(Set.of("reference"), receipt.placeholders());
        String body = receipt.render(Map.of("reference", "CFA-7K2Q")).body();
        assertTrue(body.contains("Your reference is: CFA-7K2Q"), body);
        assertTrue(body.contains("999"), body);
        assertTrue(body.contains("0800 1111"), body);
        assertTrue(body.contains("0808 800 5000"), body);
        assertTrue(body.contains("What happens next"), body);
    }

    @Test
    void theStaffInvitationNeedsTheLinkAndTheRoleAndSaysSevenDays() {
        Template invitation = templates.get("staff-invitation");

        assertEquals(Set.of("role", "link"), invitation.placeholders());
        String body = invitation.render(Map.of("role", "Analyst", "link", "https://consult.test/set-password?t=x")).body();
        assertTrue(body.contains("Analyst"), body);
        assertTrue(body.contains("https://consult.test/set-password?t=x"), body);
        assertTrue(body.contains("7 days"), body);
    }

    @Test
    void theSignInLinkNeedsTheLinkAndSaysFifteenMinutes() {
        Template signIn = templates.get("sign-in-link");

        assertEquals(Set.of("link"), signIn.placeholders());
        assertTrue(signIn.render(Map.of("link", "https://consult.test/l/1")).body().contains("15 minutes"));
    }

    @Test
    void theSessionNotesAlertNeedsTheAreaTheDayAndTheLinkAndQuotesNothing() {
        Template alert = templates.get("safeguarding-notes-alert");

        assertEquals(Set.of("area", "heldOn", "link"), alert.placeholders());
        Template.Rendered rendered = alert.render(Map.of("area", "Camden", "heldOn", "12 March 2027",
                "link", "https://consult.test/staff/deep-dives/areas/camden"));
        assertTrue(rendered.subject().contains("Camden"), rendered.subject());
        assertTrue(rendered.body().contains("12 March 2027"), rendered.body());
        assertTrue(rendered.body().contains("https://consult.test/staff/deep-dives/areas/camden"), rendered.body());
        assertTrue(TemplateRules.isRequired("link"), "an administrator's edit must keep the link");
    }

    @Test
    void anUnknownTemplateIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> templates.get("no-such-template"));
    }

    @Test
    void anIdThatLooksLikeAPathIsRefusedBeforeAnyLookUp() {
        assertThrows(IllegalArgumentException.class, () -> templates.get("../templates/advice-receipt"));
        assertThrows(IllegalArgumentException.class, () -> templates.get("Advice-Receipt"));
        assertThrows(IllegalArgumentException.class, () -> templates.get(null));
    }

    @Test
    void theIndexListsEveryTemplateFileAndNothingElse() throws java.io.IOException {
        java.nio.file.Path folder = java.nio.file.Path.of("src/main/resources", TemplateFiles.FOLDER);
        java.util.Set<String> onDisk;
        try (var paths = java.nio.file.Files.list(folder)) {
            onDisk = paths.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - 4)).collect(java.util.stream.Collectors.toSet());
        }

        assertEquals(onDisk, templates.index().keySet());
        templates.index().forEach((id, purpose) -> {
            assertTrue(!purpose.isBlank(), id + " needs a purpose in index.tsv");
            templates.get(id);
        });
    }
}
