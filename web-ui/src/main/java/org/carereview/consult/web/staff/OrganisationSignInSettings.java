package org.carereview.consult.web.staff;

import io.micronaut.context.exceptions.ConfigurationException;

import java.util.HashMap;
import java.util.Map;

/**
 * Sign-in through the organisation's identity provider is off unless {@code CONSULT_OIDC_ISSUER} is set (ADR 28).
 * Set, it turns on micronaut-security-oauth2's OpenID Connect client named {@value #PROVIDER}, with the client id
 * and secret the provider issued; start-up refuses an issuer without them.
 */
public final class OrganisationSignInSettings {

    /** The provider's name in the sign-in addresses: {@code /oauth/login/organisation}, {@code /oauth/callback/organisation}. */
    public static final String PROVIDER = "organisation";
    static final String CLIENT = "micronaut.security.oauth2.clients." + PROVIDER + ".";
    static final String CLIENT_ISSUER = CLIENT + "openid.issuer";

    private OrganisationSignInSettings() {
    }

    /** The Micronaut properties these environment variables stand for; none when no issuer is set. */
    public static Map<String, Object> properties(Map<String, String> environment) {
        String issuer = environment.getOrDefault("CONSULT_OIDC_ISSUER", "").strip();
        if (issuer.isEmpty()) {
            return Map.of();
        }
        String clientId = environment.getOrDefault("CONSULT_OIDC_CLIENT_ID", "").strip();
        String clientSecret = environment.getOrDefault("CONSULT_OIDC_CLIENT_SECRET", "").strip();
        if (clientId.isEmpty() || clientSecret.isEmpty()) {
            throw new ConfigurationException("CONSULT_OIDC_ISSUER is set: set CONSULT_OIDC_CLIENT_ID and "
                    + "CONSULT_OIDC_CLIENT_SECRET too (the identity provider issues both), or unset the issuer");
        }
        if (!issuer.startsWith("https://") && !issuer.startsWith("http://localhost")) {
            throw new ConfigurationException("CONSULT_OIDC_ISSUER must be an https:// address");
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put(CLIENT_ISSUER, issuer);
        properties.put(CLIENT + "client-id", clientId);
        properties.put(CLIENT + "client-secret", clientSecret);
        return properties;
    }
}
