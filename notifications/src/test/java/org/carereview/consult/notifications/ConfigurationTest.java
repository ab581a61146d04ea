package org.carereview.consult.notifications;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configuration binding, without a database: the scheduler is off, so nothing here needs one. */
class ConfigurationTest {

    private static final Map<String, Object> SCHEDULER_OFF = Map.of("consult.notifications.scheduler.enabled", "false",
            "consult.demo-mode", "true");

    @Test
    void defaultsApplyWhenNothingIsConfigured() {
        try (ApplicationContext context = start(Map.of())) {
            NotificationsConfiguration n = context.getBean(NotificationsConfiguration.class);
            assertEquals(Duration.ofSeconds(10), n.dispatchInterval());
            assertEquals(20, n.batchSize());
            assertEquals(180, n.maxAttempts());
            assertEquals(Duration.ofSeconds(30), n.initialBackoff());
            assertEquals(Duration.ofHours(1), n.maxBackoff());
            assertEquals(Duration.ofMinutes(2), n.lease());

            SmtpConfiguration smtp = context.getBean(SmtpConfiguration.class);
            assertNull(smtp.host());
            assertEquals(587, smtp.port());
            assertEquals(SmtpConfiguration.Security.STARTTLS, smtp.effectiveSecurity());

            MailConfiguration mail = context.getBean(MailConfiguration.class);
            assertEquals("no-reply@localhost", mail.from());
            assertEquals(Path.of(".consult/mail").toAbsolutePath().normalize(), mail.folderPath());
            assertTrue(context.getBean(MailSender.class) instanceof EmlFileSender);
        }
    }

    @Test
    void environmentVariablesReachTheSmtpAndMailSettings() {
        Map<String, Object> environment = Map.of(
                "CONSULT_SMTP_HOST", "smtp.review.test",
                "CONSULT_SMTP_PORT", "2525",
                "CONSULT_SMTP_USERNAME", "mailer",
                "CONSULT_SMTP_PASSWORD", "s3cret-pass",
                "CONSULT_MAIL_FROM", "Independent review <hello@review.test>");

        try (ApplicationContext context = start(environment)) {
            SmtpConfiguration smtp = context.getBean(SmtpConfiguration.class);
            assertEquals("smtp.review.test", smtp.host());
            assertEquals(2525, smtp.port());
            assertEquals("mailer", smtp.username());
            assertEquals("s3cret-pass", smtp.password());
            assertEquals("Independent review <hello@review.test>", context.getBean(MailConfiguration.class).from());
            assertTrue(context.getBean(MailSender.class) instanceof SmtpSender);
        }
    }

    @Test
    void anImpossibleSettingIsRefusedAtStartUp() {
        Map<String, Object> environment = Map.of("CONSULT_NOTIFICATIONS_MAX_ATTEMPTS", "0");

        try (ApplicationContext context = start(environment)) {
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> context.getBean(NotificationsConfiguration.class));
            assertTrue(String.valueOf(refused.getMessage()).contains("maxAttempts"), refused.getMessage());
        }
    }

    @Test
    void aRealNodeWithNoMailServerRefusesToStartUnlessFilesAreMeant() {
        Map<String, Object> real = Map.of("consult.demo-mode", "false");
        RuntimeException refused = assertThrows(RuntimeException.class, () -> startWith(real).close());
        assertTrue(String.valueOf(messages(refused)).contains("CONSULT_MAIL_WRITE_FILES"), messages(refused));

        try (ApplicationContext context = startWith(Map.of("consult.demo-mode", "false", "CONSULT_MAIL_WRITE_FILES", "true"))) {
            assertTrue(context.getBean(MailSender.class) instanceof EmlFileSender);
        }
    }

    @Test
    void aMailServerWithThePlaceholderFromAddressIsRefusedAtStartUp() {
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> startWith(Map.of("CONSULT_SMTP_HOST", "smtp.review.test")).close());
        assertTrue(messages(refused).contains("CONSULT_MAIL_FROM"), messages(refused));
    }

    @Test
    void theSmtpSettingsNeverPrintThePassword() {
        SmtpConfiguration smtp = new SmtpConfiguration("smtp.review.test", 587, "mailer", "s3cret-pass", null, null, null);

        assertFalse(smtp.toString().contains("s3cret-pass"), smtp.toString());
    }

    @Test
    void theDispatchJobIsAbsentWhenTheSchedulerIsTurnedOff() {
        try (ApplicationContext context = start(Map.of())) {
            assertFalse(context.containsBean(DispatchJob.class));
        }
    }

    private static ApplicationContext startWith(Map<String, Object> environment) {
        Map<String, Object> env = new java.util.HashMap<>(environment);
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

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }

    /** A context with only built-in defaults, these environment variables, and the scheduler off. */
    private static ApplicationContext start(Map<String, Object> environment) {
        return ApplicationContext.builder()
                .deduceEnvironment(false) // no "test" environment: the shared application-test.yml stays out
                .environmentPropertySource(false)
                .propertySources(PropertySource.of("test-environment", environment,
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .properties(SCHEDULER_OFF)
                .start();
    }
}
