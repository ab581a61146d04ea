package org.carereview.consult.deepdives;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Many cards stored at once (bulk entry or a CSV file): how many, and each one's receipt in the order given. */
@Serdeable
public record BulkReceipt(int count, List<FeedbackReceipt> items) {
}
