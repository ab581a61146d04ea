package org.carereview.consult.core.redaction;

import java.util.List;

/**
 * The redacted text ({@code "my sw [name] rang me on [phone]"}) and the spans of the original that were
 * replaced, in order. The original itself is not kept here: the caller keeps it for the safeguarding lead and
 * administrators, and stores {@code found} so staff can see what was taken out and correct it.
 */
public record Redaction(String text, List<Found> found) {

    public Redaction {
        found = List.copyOf(found);
    }
}
