package org.carereview.consult.web;

import io.micronaut.runtime.Micronaut;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the platform. With no database configured (DATASOURCES_DEFAULT_URL unset) it starts an
 * embedded PostgreSQL whose data is kept under {@code .consult/} in the working directory, and runs in
 * demo mode (a demo administrator, a per-start JWT secret) so a first run needs no set-up at all.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Map<String, Object> properties = new HashMap<>();
        if (isBlank(System.getenv("DATASOURCES_DEFAULT_URL")) && isBlank(System.getProperty("datasources.default.url"))) {
            DemoDatabase database = DemoDatabase.start();
            properties.putAll(database.properties());
            properties.put("consult.demo-mode", true);
            if (isBlank(System.getenv("JWT_SECRET"))) {
                byte[] secret = new byte[48];
                new SecureRandom().nextBytes(secret);
                properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret",
                        Base64.getEncoder().encodeToString(secret));
            }
        }
        Micronaut.build(args).mainClass(Application.class).properties(properties).banner(false).start();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
