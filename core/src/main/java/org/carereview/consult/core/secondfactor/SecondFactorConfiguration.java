package org.carereview.consult.core.secondfactor;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;
import org.carereview.consult.core.account.Role;

import java.time.Duration;
import java.util.List;

/**
 * {@code consult.second-factor.*} (ADR 25).
 *
 * @param requiredRoles staff with any of these roles must set up a second factor; others may (and then must use
 *                      it); contributors never need one. Empty: no one must (the shared test settings)
 * @param enrolWithin   how long after an account is made (or an administrator resets its second factor) it may
 *                      still get an API token with its password alone; the browser sign-in sets one up at once
 */
@ConfigurationProperties("consult.second-factor")
record SecondFactorConfiguration(
        @Bindable(defaultValue = "ADMIN,SAFEGUARDING_LEAD") List<Role> requiredRoles,
        @Bindable(defaultValue = "7d") Duration enrolWithin) {

    SecondFactorConfiguration {
        requiredRoles = requiredRoles == null ? List.of() : List.copyOf(requiredRoles);
        if (requiredRoles.contains(Role.CONTRIBUTOR)) {
            throw new ConfigurationException("consult.second-factor.required-roles: contributors sign in by email "
                    + "link and never set up a second factor");
        }
        if (enrolWithin == null || enrolWithin.isNegative()) {
            throw new ConfigurationException("consult.second-factor.enrol-within must not be negative");
        }
    }
}
