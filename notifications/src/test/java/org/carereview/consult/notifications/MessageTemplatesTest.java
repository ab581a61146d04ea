package org.carereview.consult.notifications;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.carereview.consult.db.FreePorts;
import org.carereview.consult.db.FreshDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageTemplatesTest implements FreshDatabase {

    static final int SMTP_PORT = FreePorts.next();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, TestSupport.LOCALHOST, ServerSetup.PROTOCOL_SMTP));

    @Inject
    MessageTemplates templates;
    @Inject
    TemplateFiles files;
    @Inject
    Outbox outbox;
    @Inject
    Dispatcher dispatcher;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    TemplateSeeder seeder;

    UUID editor;

    @Override
    public Map<String, String> getProperties() {
        return TestSupport.withSmtp(FreshDatabase.super.getProperties(), SMTP_PORT);
    }

    @BeforeAll
    void anAdministrator() {
        editor = UUID.randomUUID();
        TestSupport.sql(tx, "INSERT INTO account (id, email, created_at, updated_at) VALUES ('" + editor
                + "', 'editor@review.test', now(), now())");
    }

    @Test
    void everyTemplateFileIsCopiedIntoTheDatabaseOnStartAsVersionOne() {
        List<MessageTemplate> all = templates.list();

        assertEquals(List.copyOf(files.index().keySet()), all.stream().map(MessageTemplate::id).toList());
        MessageTemplate selected = templates.find("application-outcome-selected").orElseThrow();
        assertEquals(files.get("application-outcome-selected").body(), selected.body());
        assertEquals(List.of("reference"), selected.fields());
        assertNull(selected.updatedBy());
        assertTrue(templates.history("no-such-template").isEmpty());
        assertTrue(templates.find("no-such-template").isEmpty());
    }

    @Test
    void anEditedOutcomeTemplateIsWhatTheNextEmailSays() throws Exception {
        MessageTemplate before = templates.find("application-outcome-waitlisted").orElseThrow();
        MessageTemplate after = templates.update("application-outcome-waitlisted", "You are on our waiting list",
                "Thank you. Your application ((reference)) is on the waiting list.\n", before.version(), editor);
        assertEquals(before.version() + 1, after.version());
        assertEquals("editor@review.test", after.updatedBy());

        String to = TestSupport.uniqueAddress("ali");
        tx.executeWrite(s -> outbox.enqueue("application-outcome-waitlisted", to, Map.of("reference", "EBE-AB12-CD34")));
        dispatcher.dispatchDue();

        MimeMessage sent = java.util.Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> recipient(m).equals(to)).findFirst().orElseThrow();
        assertEquals("You are on our waiting list", sent.getSubject());
        assertTrue(((String) sent.getContent()).contains("Your application EBE-AB12-CD34 is on the waiting list."));
    }

    @Test
    void everyVersionIsKeptAndAnOldOneCanBeRestored() {
        String id = "application-outcome-declined";
        MessageTemplate first = templates.find(id).orElseThrow();
        MessageTemplate second = templates.update(id, "Changed subject", "Changed ((reference))", first.version(), editor);

        MessageTemplate restored = templates.restore(id, first.version(), second.version(), editor);

        assertEquals(first.subject(), restored.subject());
        assertEquals(first.body(), restored.body());
        List<MessageTemplate.Version> history = templates.history(id);
        assertEquals(List.of(3, 2, 1), history.stream().map(MessageTemplate.Version::version).toList());
        assertEquals("Changed subject", history.get(1).subject());
    }

    @Test
    void aFieldTheServiceCannotFillIsRefusedAndNothingIsSaved() {
        MessageTemplate before = templates.find("application-outcome-shortlisted").orElseThrow();

        TemplateEditRefused refused = assertThrows(TemplateEditRefused.class, () -> templates.update(
                "application-outcome-shortlisted", "Hello ((name))", "Body ((reference))", before.version(), editor));

        assertEquals("subject", refused.problems().get(0).field());
        assertTrue(refused.problems().get(0).message().contains("((name))"));
        assertEquals(before, templates.find("application-outcome-shortlisted").orElseThrow());
    }

    @Test
    void aLinkMustStayInTheMessage() {
        MessageTemplate before = templates.find("sign-in-link").orElseThrow();
        assertEquals(List.of("link"), before.required());

        TemplateEditRefused refused = assertThrows(TemplateEditRefused.class, () -> templates.update(
                "sign-in-link", "Sign in", "Use the link we sent you.", before.version(), editor));

        assertEquals("body", refused.problems().get(0).field());
        assertTrue(refused.problems().get(0).message().contains("((link))"));
    }

    @Test
    void aTextMessageTemplateLongerThanATextMayBeIsRefused() {
        MessageTemplate before = templates.find("ebe-receipt-sms").orElseThrow();
        String tooLong = "Your reference is ((reference)). " + "x".repeat(TemplateRules.MAX_TEXT);

        TemplateEditRefused refused = assertThrows(TemplateEditRefused.class, () -> templates.update(
                "ebe-receipt-sms", before.subject(), tooLong, before.version(), editor));

        assertEquals("body", refused.problems().get(0).field());
        assertTrue(refused.problems().get(0).message().startsWith("A text message must be"));
    }

    @Test
    void everyTextMessageTemplateFitsInTwoTextsWithItsFieldsFilledIn() {
        for (MessageTemplate text : templates.list().stream().filter(t -> TemplateRules.isText(t.id())).toList()) {
            int filled = text.body().replace("((reference))", "EBE-7K2Q-9XJ4")
                    .replace("((closingDate))", "5pm on Wednesday 10 September 2025").strip().length();
            assertTrue(filled <= 306, text.id() + " is " + filled + " characters");
        }
    }

    @Test
    void aMalformedFieldOrAnEmptySubjectIsRefused() {
        MessageTemplate before = templates.find("advice-receipt").orElseThrow();

        TemplateEditRefused refused = assertThrows(TemplateEditRefused.class, () -> templates.update(
                "advice-receipt", "  ", "Your reference ((reference)", before.version(), editor));

        assertEquals(List.of("subject", "body"), refused.problems().stream().map(MessageTemplate.Problem::field).toList());
    }

    @Test
    void aChangeSavedBySomeoneElseFirstIsNotOverwritten() {
        MessageTemplate opened = templates.find("ebe-receipt").orElseThrow();
        templates.update("ebe-receipt", "First", "First ((reference)) ((signInLink))", opened.version(), editor);

        TemplateEditRefused refused = assertThrows(TemplateEditRefused.class, () -> templates.update(
                "ebe-receipt", "Second", "Second ((reference)) ((signInLink))", opened.version(), editor));

        assertEquals("version", refused.problems().get(0).field());
        assertEquals("First", templates.find("ebe-receipt").orElseThrow().subject());
    }

    @Test
    void startingAgainNeverOverwritesAnEditedTemplate() {
        MessageTemplate opened = templates.find("staff-invitation").orElseThrow();
        templates.update("staff-invitation", "Join us as ((role))", "Set a password: ((link))", opened.version(), editor);

        assertEquals(0, seeder.seed());
        assertEquals("Join us as ((role))", templates.find("staff-invitation").orElseThrow().subject());
        assertEquals(2, count("SELECT count(*) FROM message_template_version WHERE template_id = 'staff-invitation'"));
    }

    private long count(String sql) {
        return tx.executeRead(s -> {
            try (PreparedStatement ps = s.getConnection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
