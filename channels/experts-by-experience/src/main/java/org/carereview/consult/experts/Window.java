package org.carereview.consult.experts;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** The application window as everyone sees it (API shape: {opensAt, closesAt, timeZone, open}). */
@Serdeable
public record Window(Instant opensAt, Instant closesAt, String timeZone, boolean open) {
}
