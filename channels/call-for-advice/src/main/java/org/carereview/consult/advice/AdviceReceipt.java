package org.carereview.consult.advice;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** The answer to a successful submission: its id, and the reference the person keeps. */
@Serdeable
public record AdviceReceipt(UUID id, String reference, Instant submittedAt) {
}
