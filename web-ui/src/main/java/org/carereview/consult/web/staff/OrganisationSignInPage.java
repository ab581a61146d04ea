package org.carereview.consult.web.staff;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;

/** What the staff sign-in page shows of the organisation's identity provider (ADR 28): its button, and refusals. */
@Singleton
class OrganisationSignInPage {

    private static final Map<String, String> REFUSALS = Map.of(
            "no-email", "Your organisation's account did not give this service an email address. Sign in with "
                    + "your email address and password, or ask your IT team",
            "email-not-verified", "Your organisation has not confirmed the email address on your account. Sign in "
                    + "with your email address and password, or ask your IT team",
            "no-staff-account", "There is no staff account here for the email address your organisation gave. Ask "
                    + "an administrator to invite you",
            "account-disabled", "Your staff account has been turned off. Ask an administrator",
            "linked-to-someone-else", "Your staff account is linked to a different account at your organisation. "
                    + "Ask an administrator",
            "not-finished", "Signing in with your organisation's account did not finish. Try again");

    private final boolean configured;
    private final OrganisationSignInConfiguration configuration;

    OrganisationSignInPage(@Nullable @Value("${" + OrganisationSignInSettings.CLIENT_ISSUER + ":}") String issuer,
                           OrganisationSignInConfiguration configuration) {
        this.configured = issuer != null && !issuer.isBlank();
        this.configuration = configuration;
    }

    /** The button's name for the provider, when one is configured. */
    Optional<String> label() {
        return configured ? Optional.of(configuration.label()) : Optional.empty();
    }

    /** Why a sign-in there was refused, in words, for a known reason named in the address; nothing otherwise. */
    Optional<String> refusal(@Nullable String reason) {
        return configured && reason != null ? Optional.ofNullable(REFUSALS.get(reason)) : Optional.empty();
    }
}
