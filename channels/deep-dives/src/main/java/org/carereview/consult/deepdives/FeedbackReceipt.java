package org.carereview.consult.deepdives;

import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** A stored feedback card: its id, and the reference a participant keeps. */
@Serdeable
public record FeedbackReceipt(UUID id, String reference) {
}
