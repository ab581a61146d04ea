package org.carereview.consult.experts;

import org.carereview.consult.core.draft.ChannelDraft;

import java.util.UUID;

/** An unfinished application: the draft's id and the answers so far. */
public record ApplicationDraft(UUID id, ApplicationInput answers) implements ChannelDraft {
}
