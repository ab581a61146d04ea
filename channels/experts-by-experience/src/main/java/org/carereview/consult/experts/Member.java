package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A member of the group, for administrators, with the history of every change to their membership. */
@Serdeable
public record Member(UUID id, String reference, @Nullable String name, @Nullable String preferredName,
                     @Nullable String region, @Nullable String ageBand, List<String> experiences, MemberStatus status,
                     LocalDate effectiveDate, List<Change> history) {

    /** One change: the status from a date, and why. */
    @Serdeable
    public record Change(MemberStatus status, LocalDate effectiveDate, String reason, Instant changedAt) {
    }
}
