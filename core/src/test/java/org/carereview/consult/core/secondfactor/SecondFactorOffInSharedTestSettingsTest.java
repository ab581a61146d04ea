package org.carereview.consult.core.secondfactor;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared test settings turn the second factor off (an empty {@code required-roles}), so the many tests that
 * sign administrators in with a password alone keep working; the second factor's own tests turn it on.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondFactorOffInSharedTestSettingsTest implements FreshDatabase {

    @Inject
    SecondFactorConfiguration configuration;
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.fresh().withAdministrator("off@example.org", "a password long enough");
    }

    @Test
    void noRoleNeedsASecondFactorAndAnAdministratorSignsInWithAPasswordAlone() {
        assertEquals(List.of(), configuration.requiredRoles());
        String body = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/login",
                Map.of("email", "off@example.org", "password", "a password long enough")));
        assertTrue(body.contains("\"secondFactor\":\"NOT_NEEDED\""), body);
    }
}
