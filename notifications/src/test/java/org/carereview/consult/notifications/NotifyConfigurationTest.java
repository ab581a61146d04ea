package org.carereview.consult.notifications;

import org.carereview.consult.db.ExpectedNoise;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Choosing GOV.UK Notify by its environment variables, and refusing to start when it is half set. No database. */
class NotifyConfigurationTest {

    private static final Map<String, Object> COMPLETE = Map.of(
            "CONSULT_NOTIFY_API_KEY", FakeNotify.API_KEY,
            "CONSULT_NOTIFY_EMAIL_TEMPLATE_ID", FakeNotify.EMAIL_TEMPLATE,
            "CONSULT_NOTIFY_SMS_TEMPLATE_ID", FakeNotify.SMS_TEMPLATE);

    @Test
    void aCompleteSettingSendsEmailsAndTextsThroughNotify() {
        try (ApplicationContext context = start(with(Map.of("consult.demo-mode", "false")))) {
            MailSender mail = context.getBean(MailSender.class);
            assertTrue(mail instanceof NotifySender);
            assertSame(mail, context.getBean(TextSender.class));
        }
    }

    @Test
    void aKeyWithoutTheGenericTemplateIdsIsRefused() {
        String refused = refusal(Map.of("CONSULT_NOTIFY_API_KEY", FakeNotify.API_KEY));
        assertTrue(refused.contains("CONSULT_NOTIFY_EMAIL_TEMPLATE_ID"), refused);

        refused = refusal(with(Map.of("CONSULT_NOTIFY_SMS_TEMPLATE_ID", "")));
        assertTrue(refused.contains("CONSULT_NOTIFY_SMS_TEMPLATE_ID"), refused);
    }

    @Test
    void aMalformedKeyIsRefusedWithoutBeingQuoted() {
        String cut = FakeNotify.API_KEY.substring(0, FakeNotify.API_KEY.length() - 1);
        String refused = refusal(with(Map.of("CONSULT_NOTIFY_API_KEY", cut)));

        assertTrue(refused.contains("is not a GOV.UK Notify API key"), refused);
        assertFalse(refused.contains(cut.substring(cut.length() - 20)), refused);
    }

    @Test
    void aTemplateIdThatIsNotAnIdIsRefused() {
        String refused = refusal(with(Map.of("CONSULT_NOTIFY_EMAIL_TEMPLATE_ID", "generic-email")));
        assertTrue(refused.contains("CONSULT_NOTIFY_EMAIL_TEMPLATE_ID is not a Notify template id"), refused);
    }

    @Test
    void aMappedTemplateWeDoNotHaveIsRefused() {
        String refused = refusal(with(Map.of("CONSULT_NOTIFY_TEMPLATE_IDS",
                "ebe-receipt=" + FakeNotify.EMAIL_TEMPLATE + ",ebe-reciept-sms=" + FakeNotify.SMS_TEMPLATE)));
        assertTrue(refused.contains("'ebe-reciept-sms' is not"), refused);
    }

    @Test
    void theComposeFilesEmptyNotifySettingsLeaveSmtpInCharge() {
        Map<String, Object> compose = Map.of("CONSULT_NOTIFY_API_KEY", "", "CONSULT_NOTIFY_EMAIL_TEMPLATE_ID", "",
                "CONSULT_NOTIFY_SMS_TEMPLATE_ID", "", "CONSULT_NOTIFY_TEMPLATE_IDS", "", "CONSULT_SMTP_HOST", "mail",
                "CONSULT_MAIL_FROM", "no-reply@consult.localhost.test");
        try (ApplicationContext context = start(compose)) {
            assertTrue(context.getBean(MailSender.class) instanceof SmtpSender);
        }
    }

    @ExpectedNoise("Notify and an SMTP server both set")
    @Test
    void notifyWinsOverAnSmtpServerSetBesideIt() {
        try (ApplicationContext context = start(with(Map.of("CONSULT_SMTP_HOST", "mail")))) {
            assertTrue(context.getBean(MailSender.class) instanceof NotifySender);
        }
    }

    @Test
    void templateIdsWithoutAKeyAreRefused() {
        String refused = refusal(Map.of("CONSULT_NOTIFY_EMAIL_TEMPLATE_ID", FakeNotify.EMAIL_TEMPLATE));
        assertTrue(refused.contains("CONSULT_NOTIFY_API_KEY is not"), refused);
    }

    @Test
    void plainHttpToAnotherMachineIsRefused() {
        String refused = refusal(with(Map.of("CONSULT_NOTIFY_BASE_URL", "http://notify.example.org")));
        assertTrue(refused.contains("CONSULT_NOTIFY_BASE_URL must be an https address"), refused);
    }

    @Test
    void theSettingsNeverPrintTheKey() {
        NotifyConfiguration config = new NotifyConfiguration(FakeNotify.API_KEY, "https://api.notifications.service.gov.uk",
                FakeNotify.EMAIL_TEMPLATE, FakeNotify.SMS_TEMPLATE, null, java.time.Duration.ofSeconds(30));

        assertFalse(config.toString().contains(FakeNotify.SECRET), config.toString());
        String settings = NotifySettings.check(config, java.util.Set.of()).toString();
        assertFalse(settings.contains(FakeNotify.SECRET), settings);
    }

    private static Map<String, Object> with(Map<String, Object> changes) {
        Map<String, Object> all = new HashMap<>(COMPLETE);
        all.putAll(changes);
        return all;
    }

    private static String refusal(Map<String, Object> environment) {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> start(environment).close());
        StringBuilder all = new StringBuilder();
        for (Throwable t = refused; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        assertFalse(all.toString().contains(FakeNotify.SECRET), all.toString());
        return all.toString();
    }

    private static ApplicationContext start(Map<String, Object> environment) {
        Map<String, Object> env = new HashMap<>(environment);
        Object demo = env.remove("consult.demo-mode");
        return ApplicationContext.builder()
                .deduceEnvironment(false)
                .environmentPropertySource(false)
                .propertySources(PropertySource.of("test-environment", env,
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .properties(Map.of("consult.notifications.scheduler.enabled", "false",
                        "consult.demo-mode", demo == null ? "true" : demo))
                .start();
    }
}
