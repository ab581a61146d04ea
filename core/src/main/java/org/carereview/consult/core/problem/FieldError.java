package org.carereview.consult.core.problem;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with one field, in words a person can act on. An error a contributor can see is made with
 * {@link #of}: its words come from a bundle ({@link ErrorWords}) by their key, so that the public pages can show
 * them in the version of the words the person chose, and the API in standard English. The key and its
 * arguments are not part of the API's JSON, and two errors are equal when their field and words are.
 */
@Serdeable
public record FieldError(String field, String message, @JsonIgnore @Nullable String key, @JsonIgnore List<Object> args) {

    public FieldError {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** An error in words of its own (staff pages, which come in one version). */
    public FieldError(String field, String message) {
        this(field, message, null, List.of());
    }

    /** An error whose words are the bundle's {@code key}, with {@code {0}}, {@code {1}}... filled from {@code args}. */
    public static FieldError of(String field, String key, Object... args) {
        return new FieldError(field, ErrorWords.english(key, args), key, List.of(args));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldError e && field.equals(e.field) && message.equals(e.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, message);
    }
}
