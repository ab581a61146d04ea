package org.carereview.consult.core.redaction;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.problem.InvalidInputException;

/** A kind of personal detail, and the placeholder that stands for it in redacted text. */
public enum Kind {
    NAME("[name]"),
    EMAIL("[email]"),
    PHONE("[phone]"),
    POSTCODE("[postcode]"),
    ADDRESS("[address]"),
    DATE_OF_BIRTH("[date of birth]"),
    SCHOOL("[school]"),
    PLACEMENT("[placement]");

    private final String placeholder;

    Kind(String placeholder) {
        this.placeholder = placeholder;
    }

    public String placeholder() {
        return placeholder;
    }

    /**
     * The kind with this code ({@code NAME}, {@code PHONE}, ...).
     * @throws InvalidInputException (422, on {@code field}) for anything else
     */
    public static Kind parse(@Nullable String code, String field) {
        for (Kind kind : values()) {
            if (kind.name().equals(code)) {
                return kind;
            }
        }
        throw new InvalidInputException(field, "Choose what kind of detail the words are");
    }
}
