package org.carereview.consult.core.redaction;

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
}
