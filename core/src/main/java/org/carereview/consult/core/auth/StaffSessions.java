package org.carereview.consult.core.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.config.ConsultConfiguration;
import org.carereview.consult.notifications.ClockFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A member of staff signed in through the browser is signed out after {@code consult.staff-idle-timeout} (30 minutes
 * unless set) without using the service, and in any case {@code consult.token-lifetime} after signing in. Their cookie
 * holds a token good for the idle timeout only, renewed (same person, roles, version and sign-in time) as they use
 * the service: stateless, so any node renews it and a copied cookie dies with the idle timeout. Bearer tokens for
 * the API are not renewed.
 */
@Singleton
public class StaffSessions {

    /** A token younger than this is not renewed: one new cookie a minute at most. */
    static final Duration RENEW_AFTER = Duration.ofMinutes(1);
    private static final Set<String> REGISTERED = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "roles");

    private final Duration idle;
    private final Duration lifetime;
    private final TokenIssuer issuer;
    private final InstantSource time;

    StaffSessions(@Value("${consult.staff-idle-timeout:30m}") Duration idle, ConsultConfiguration configuration,
                  TokenIssuer issuer, @Named(ClockFactory.TOKENS) InstantSource time) {
        this.lifetime = configuration.tokenLifetime();
        this.idle = idle.compareTo(lifetime) < 0 ? idle : lifetime;
        this.issuer = issuer;
        this.time = time;
    }

    public Duration idleTimeout() {
        return idle;
    }

    /** Whether this request is a browser's: the session cookie, and no Authorization header (an API client's). */
    public static boolean isBrowserSession(HttpRequest<?> request) {
        return !request.getHeaders().contains(HttpHeaders.AUTHORIZATION)
                && request.getCookies().findCookie(AuthCookies.NAME).isPresent();
    }

    /** Whether this is a member of staff's session (a staff role; a name that is no role counts for nothing). */
    public static boolean isStaff(Authentication who) {
        return Role.anyStaff(who.getRoles());
    }

    /**
     * The renewed token for a staff session whose token is over a minute old or good for longer than the idle
     * timeout (just signed in), or when {@code asked} ("Stay signed in"); empty when it needs none.
     */
    public Optional<IssuedToken> renewed(Authentication who, boolean asked) {
        if (!isStaff(who) || !asked && !stale(who)) {
            return Optional.empty();
        }
        Duration good = renewedFor(who);
        if (good.toSeconds() < 1) {
            return Optional.empty();
        }
        Map<String, Object> attributes = new HashMap<>(who.getAttributes());
        attributes.keySet().removeAll(REGISTERED);
        attributes.put(TokenIssuer.SIGNED_IN_AT, signedIn(who).getEpochSecond());
        return Optional.of(issuer.issue(who.getName(), who.getRoles(), attributes, good));
    }

    /** Seconds this session will have left once the answer to this request has renewed it (if it does). */
    public long secondsLeftAfterThisRequest(Authentication who) {
        return isStaff(who) && stale(who) ? Math.max(0, renewedFor(who).toSeconds()) : secondsLeft(who);
    }

    private boolean stale(Authentication who) {
        Instant now = time.instant();
        Instant issued = instant(who.getAttributes().get("iat")).orElse(Instant.EPOCH);
        Instant expires = instant(who.getAttributes().get("exp")).orElse(Instant.EPOCH);
        return issued.plus(RENEW_AFTER).isBefore(now) || expires.isAfter(now.plus(idle).plusSeconds(5));
    }

    private Duration renewedFor(Authentication who) {
        Duration left = Duration.between(time.instant(), signedIn(who).plus(lifetime));
        return left.compareTo(idle) < 0 ? left : idle;
    }

    private static Instant signedIn(Authentication who) {
        return instant(who.getAttributes().get(TokenIssuer.SIGNED_IN_AT))
                .or(() -> instant(who.getAttributes().get("iat"))).orElse(Instant.EPOCH);
    }

    /** Seconds until this session's token expires. */
    public long secondsLeft(Authentication who) {
        return instant(who.getAttributes().get("exp"))
                .map(e -> Math.max(0, Duration.between(time.instant(), e).toSeconds())).orElse(0L);
    }

    private static Optional<Instant> instant(Object claim) {
        if (claim instanceof Date date) {
            return Optional.of(date.toInstant());
        }
        if (claim instanceof Number seconds) {
            return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
        }
        if (claim instanceof Instant instant) {
            return Optional.of(instant);
        }
        return Optional.empty();
    }
}
