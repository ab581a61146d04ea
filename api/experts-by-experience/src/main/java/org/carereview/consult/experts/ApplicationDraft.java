package org.carereview.consult.experts;

import java.util.UUID;

/** An unfinished application: the draft's id and the answers so far. */
public record ApplicationDraft(UUID id, ApplicationInput answers) {
}
