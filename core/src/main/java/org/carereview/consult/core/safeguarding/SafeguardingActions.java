package org.carereview.consult.core.safeguarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.crypto.FieldCipher;
import org.carereview.consult.core.crypto.SealedColumn;
import org.carereview.consult.core.problem.InvalidInputException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Why a submission is flagged, and what the safeguarding lead did about it. Only callers who have already
 * checked that the viewer may see flagged submissions (the lead, administrators) should call this.
 */
@Singleton
public class SafeguardingActions {

    public static final int MAX_LENGTH = 5000;

    /**
     * Why it is flagged: by the screening (the phrases found and their score) or by a member of staff.
     * {@code learned} is how likely the learned check found it to tell of harm (0 to 1), null where the learned
     * check did not flag it.
     */
    @Serdeable
    public record Flag(String source, int score, List<String> matched, @Nullable UUID flaggedBy, Instant flaggedAt,
                       @Nullable Double learned) {
    }

    @Serdeable
    public record Action(UUID id, String action, @Nullable UUID takenBy, Instant takenAt) {
    }

    private final FlagStore store;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final Clock clock;

    SafeguardingActions(FlagStore store, AuditLog audit, FieldCipher cipher, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Transactional
    public Optional<Flag> flag(UUID submissionId) {
        return store.find(submissionId).map(f -> new Flag(f.source(), f.score(),
                SafeguardingAlerts.matched(cipher.open(f.matched(), SealedColumn.SAFEGUARDING_MATCHED.purpose())),
                f.flaggedBy(), f.flaggedAt(), f.learned()));
    }

    @Transactional
    public List<Action> actions(UUID submissionId) {
        return store.actions(submissionId).stream().map(a -> new Action(a.id(),
                cipher.open(a.action(), SealedColumn.SAFEGUARDING_ACTION.purpose()), a.takenBy(), a.takenAt()))
                .toList();
    }

    /**
     * Records the action the lead took (such as "Referred to the local authority's front door"), sealed; its
     * length is checked here, on the text, since the database holds only the sealed form.
     */
    @Transactional
    public Action record(UUID submissionId, @Nullable String action, UUID by) {
        String text = action == null ? "" : action.strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new InvalidInputException("action", "Enter the action you took, up to " + MAX_LENGTH + " characters");
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        store.insertAction(id, submissionId, cipher.seal(text, SealedColumn.SAFEGUARDING_ACTION.purpose()), by, now);
        audit.record(by, AuditAction.SAFEGUARDING_ACTION, submissionId, null);
        return new Action(id, text, by, now);
    }
}
