package org.carereview.consult.core.submission;

import java.time.Instant;
import java.util.UUID;

/** What a channel learns back when it has written the common record. */
public record NewSubmission(UUID id, String reference, Instant submittedAt) {
}
