package org.carereview.consult.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import org.carereview.consult.core.crypto.KeyRotation;
import org.carereview.consult.web.staff.OrganisationSignInSettings;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the platform. With no database configured (DATASOURCES_DEFAULT_URL unset) it starts an
 * embedded PostgreSQL whose data is kept under {@code .consult/} in the working directory, and runs in
 * demo mode (a demo administrator, a per-start JWT secret, an encryption key kept beside the data) so a first
 * run needs no set-up at all.
 *
 * <p>{@code rotate-encryption-keys [batch size]} runs the rotation command instead of the service (ADR 0018):
 * the same configuration, migrations first, no HTTP server and no background jobs.
 */
public final class Application {

    private static final SecureRandom RANDOM = new SecureRandom();

    static final String ROTATE = "rotate-encryption-keys";

    private Application() {
    }

    public static void main(String[] args) {
        LogFormat.choose(System.getenv());
        Map<String, Object> properties = new HashMap<>(OrganisationSignInSettings.properties(System.getenv()));
        DemoDatabase demo = null;
        if (isBlank(System.getenv("DATASOURCES_DEFAULT_URL")) && isBlank(System.getProperty("datasources.default.url"))) {
            DemoDatabase database = DemoDatabase.start();
            demo = database;
            properties.putAll(database.properties());
            properties.put("consult.demo-mode", true);
            if (isBlank(System.getenv("JWT_SECRET"))) {
                byte[] secret = new byte[48];
                RANDOM.nextBytes(secret);
                properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret",
                        Base64.getEncoder().encodeToString(secret));
            }
            if (isBlank(System.getenv("CONSULT_ENCRYPTION_KEYS"))
                    && isBlank(System.getProperty("consult.encryption.keys"))) {
                properties.put("consult.encryption.keys", DemoKey.keysFor(DemoDatabase.dataDir()));
            }
        }
        if (args.length > 0 && ROTATE.equals(args[0])) {
            System.exit(rotate(properties, args.length > 1 ? Integer.parseInt(args[1]) : KeyRotation.DEFAULT_BATCH_SIZE));
        }
        ApplicationContext context = Micronaut.build(args).mainClass(Application.class).properties(properties)
                .banner(false).start();
        if (demo != null) {
            demo.servesUntilStopped(context);
        }
    }

    /** Runs the rotation command; 0 when every value is sealed with the current key, 1 if some could not be read. */
    static int rotate(Map<String, Object> properties, int batchSize) {
        Map<String, Object> command = new HashMap<>(properties);
        command.put("consult.notifications.scheduler.enabled", false);
        command.put("consult.experts.reminders.enabled", false);
        command.put("consult.drafts.purge.enabled", false);
        command.put("consult.rate-limit.purge.enabled", false);
        command.put("consult.safeguarding.learned.enabled", false);
        command.put("consult.safeguarding.learned.queue.enabled", false);
        command.put("consult.embeddings.enabled", false);
        command.put("consult.campaigns.enabled", false);
        command.put("consult.suggestions.enabled", false);
        try (ApplicationContext context = ApplicationContext.builder(Application.class).properties(command)
                .banner(false).start()) {
            KeyRotation.Report report = context.getBean(KeyRotation.class).rotate(batchSize);
            report.resealed().forEach((column, count) -> System.out.println(column + ": " + count + " sealed again"
                    + (report.unreadable().get(column) > 0 ? ", " + report.unreadable().get(column)
                    + " could not be read (their key is not configured)" : "")));
            System.out.println(report.total() + " value(s) sealed with the current key");
            return report.totalUnreadable() == 0 ? 0 : 1;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
