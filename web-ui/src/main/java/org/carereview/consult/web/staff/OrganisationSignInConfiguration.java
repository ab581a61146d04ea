package org.carereview.consult.web.staff;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code consult.oidc.*}: how sign-in through the organisation's identity provider shows and behaves (ADR 28); the
 * provider itself is set by {@code CONSULT_OIDC_ISSUER}, {@code CONSULT_OIDC_CLIENT_ID} and
 * {@code CONSULT_OIDC_CLIENT_SECRET} ({@link OrganisationSignInSettings}).
 *
 * @param label             the provider's name on the sign-in page's button: "Sign in with {label}"
 * @param trustSecondFactor true when the provider itself asks everyone for a second factor: this service then asks
 *                          for none of its own after a sign-in there (a password sign-in still needs one)
 */
@ConfigurationProperties("consult.oidc")
record OrganisationSignInConfiguration(
        @Bindable(defaultValue = "your organisation's account") String label,
        @Bindable(defaultValue = "false") boolean trustSecondFactor) {
}
