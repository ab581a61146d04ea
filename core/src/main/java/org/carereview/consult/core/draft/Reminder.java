package org.carereview.consult.core.draft;

import java.util.UUID;

/** A draft due a reminder, and the address it goes to. */
public record Reminder(UUID draftId, String email) {
}
