package org.carereview.consult.core.auth;

import io.micronaut.serde.annotation.Serdeable;

/** A signed-in session: the JWT, sent as a bearer token or in the HttpOnly cookie. */
@Serdeable
public record IssuedToken(String accessToken, String tokenType, long expiresIn) {
}
