package org.carereview.consult.web.deepdives;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * When a form was first shown, signed, in a hidden field: a post that comes back sooner than a person could
 * fill the form in (or with a stamp that was not ours) is held back as possible spam. The signature is an
 * HMAC with the token-signing secret, so every node checks it and nothing is stored.
 */
@Singleton
class FormStamp {

    private final byte[] key;
    private final Clock clock;

    FormStamp(@Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret, Clock clock) {
        this.key = ("form-stamp:" + secret).getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** A stamp for a form shown now. */
    String issue() {
        String millis = Long.toString(clock.instant().toEpochMilli());
        return millis + "." + sign(millis);
    }

    /** How long ago the form was shown; empty if the stamp is missing or not one of ours. */
    Optional<Duration> age(@Nullable String stamp) {
        if (stamp == null) {
            return Optional.empty();
        }
        int dot = stamp.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        String millis = stamp.substring(0, dot);
        byte[] given = stamp.substring(dot + 1).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, sign(millis).getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.between(Instant.ofEpochMilli(Long.parseLong(millis)), clock.instant()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the form came back sooner than {@code minimum} after it was shown, or without a valid stamp. */
    boolean tooFast(@Nullable String stamp, Duration minimum) {
        return age(stamp).map(age -> age.compareTo(minimum) < 0).orElse(true);
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
