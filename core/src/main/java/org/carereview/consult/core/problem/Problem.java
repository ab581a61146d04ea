package org.carereview.consult.core.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An RFC 9457 problem detail, the body of every API error. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, @Nullable String detail,
                      @Nullable List<FieldError> errors) {

    public static final String TYPE_BASE = "/problems/";

    public static Problem of(String slug, String title, int status, @Nullable String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null);
    }
}
