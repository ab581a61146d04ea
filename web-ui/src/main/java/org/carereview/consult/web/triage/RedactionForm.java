package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a form on the redaction page posts: always the answer's {@code field}; taking out words sends
 * {@code words} and {@code kind}, keeping words sends their {@code start}, undoing a correction its {@code index}.
 */
@Serdeable
record RedactionForm(@Nullable String field, @Nullable String words, @Nullable String kind, @Nullable String start,
                     @Nullable String index) {
}
