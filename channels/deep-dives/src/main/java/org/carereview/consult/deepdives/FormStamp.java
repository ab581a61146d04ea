package org.carereview.consult.deepdives;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.carereview.consult.core.crypto.KeyedHash;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * When a participant's form was first shown, signed, in a hidden field: a post that comes back sooner than a
 * person could fill the form in (or with a stamp that was not ours) is held back as possible spam. The signature
 * is a keyed hash with the shared secret, so every node checks it and nothing is stored. (The other channels
 * time a journey from their draft's start; this page has no draft.)
 */
@Singleton
class FormStamp {

    private final KeyedHash hash;
    private final Clock clock;

    FormStamp(@Value(KeyedHash.SHARED_SECRET) String secret, Clock clock) {
        this.hash = KeyedHash.forPurpose("form-stamp", secret);
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
        if (dot < 1 || !KeyedHash.same(stamp.substring(dot + 1), sign(stamp.substring(0, dot)))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.between(Instant.ofEpochMilli(Long.parseLong(stamp.substring(0, dot))),
                    clock.instant()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the form came back sooner than {@code minimum} after it was shown, or without a valid stamp. */
    boolean tooFast(@Nullable String stamp, Duration minimum) {
        return age(stamp).map(age -> age.compareTo(minimum) < 0).orElse(true);
    }

    private String sign(String text) {
        return HexFormat.of().formatHex(hash.of(text));
    }
}
