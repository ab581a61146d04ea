package org.carereview.consult.experts;

import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** The answer to a successful application: its id, the reference the person keeps, and its outcome. */
@Serdeable
public record ApplicationReceipt(UUID id, String reference, ApplicationOutcome outcome) {
}
