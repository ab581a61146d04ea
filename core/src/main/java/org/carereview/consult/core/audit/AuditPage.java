package org.carereview.consult.core.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A keyset page of the audit trail, newest first. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditPage(List<AuditEntry> items, @Nullable String next) {
}
