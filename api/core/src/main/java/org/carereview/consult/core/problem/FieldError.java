package org.carereview.consult.core.problem;

import io.micronaut.serde.annotation.Serdeable;

/** One thing wrong with one field, in words a person can act on. */
@Serdeable
public record FieldError(String field, String message) {
}
