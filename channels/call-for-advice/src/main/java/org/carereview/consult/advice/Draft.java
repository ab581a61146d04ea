package org.carereview.consult.advice;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.draft.ChannelDraft;

import java.time.Instant;
import java.util.UUID;

/** A call-for-advice draft as the journey sees it. */
public record Draft(UUID id, DraftAnswers state, @Nullable UUID ownerId, Instant startedAt, Instant expiresAt)
        implements ChannelDraft {

    public AdviceInput answers() {
        return state.answers();
    }
}
