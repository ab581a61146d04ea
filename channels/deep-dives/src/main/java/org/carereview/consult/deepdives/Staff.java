package org.carereview.consult.deepdives;

import io.micronaut.security.authentication.Authentication;

import java.util.UUID;

/** Who is signed in, for the "entered by" and "made by" columns. */
final class Staff {

    private Staff() {
    }

    static UUID id(Authentication authentication) {
        return UUID.fromString(authentication.getName());
    }
}
