package org.carereview.consult.core.crypto;

import io.micronaut.http.HttpStatus;
import org.carereview.consult.core.problem.ProblemException;

/**
 * A stored value cannot be opened: sealed with a key this node is not configured with, or not what was sealed
 * (changed, or moved from another column). Shown as a 500 problem that names the key id only, never the value.
 */
public final class UnreadableValueException extends ProblemException {

    UnreadableValueException(String detail) {
        super(HttpStatus.INTERNAL_SERVER_ERROR, "sealed-value-unreadable", "A stored value cannot be read", detail);
    }
}
