package org.carereview.consult.web.staff;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The environment that turns on sign-in through the organisation's identity provider (ADR 28), and what it refuses. */
class OrganisationSignInSettingsTest {

    @Test
    void isOffWithNoIssuer() {
        assertTrue(OrganisationSignInSettings.properties(Map.of()).isEmpty());
        assertTrue(OrganisationSignInSettings.properties(Map.of("CONSULT_OIDC_ISSUER", " ", "CONSULT_OIDC_CLIENT_ID", "x")).isEmpty());
    }

    @Test
    void anIssuerWithItsClientTurnsOnTheOrganisationClient() {
        Map<String, Object> properties = OrganisationSignInSettings.properties(Map.of(
                "CONSULT_OIDC_ISSUER", "https://login.example.org/tenant/v2.0",
                "CONSULT_OIDC_CLIENT_ID", "consult", "CONSULT_OIDC_CLIENT_SECRET", "secret"));

        assertEquals("https://login.example.org/tenant/v2.0", properties.get("micronaut.security.oauth2.clients.organisation.openid.issuer"));
        assertEquals("consult", properties.get("micronaut.security.oauth2.clients.organisation.client-id"));
        assertEquals("secret", properties.get("micronaut.security.oauth2.clients.organisation.client-secret"));
    }

    @Test
    void startUpRefusesAnIssuerWithoutItsClientOrOverPlainHttp() {
        assertThrows(ConfigurationException.class, () -> OrganisationSignInSettings.properties(Map.of(
                "CONSULT_OIDC_ISSUER", "https://login.example.org", "CONSULT_OIDC_CLIENT_ID", "consult")));
        assertThrows(ConfigurationException.class, () -> OrganisationSignInSettings.properties(Map.of(
                "CONSULT_OIDC_ISSUER", "http://login.example.org", "CONSULT_OIDC_CLIENT_ID", "consult",
                "CONSULT_OIDC_CLIENT_SECRET", "secret")));
    }
}
