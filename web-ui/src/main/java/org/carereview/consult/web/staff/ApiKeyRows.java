package org.carereview.consult.web.staff;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.apikey.ApiKeyView;
import org.carereview.consult.core.time.UkTime;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Keys as the API keys page lists them, in words. */
final class ApiKeyRows {

    static final List<Map<String, Object>> SCOPES = List.of(
            Map.of("value", "READ", "text", "Read only",
                    "hint", "Reads the triage queue, submissions and exports as a reviewer sees them: redacted, "
                            + "and never a submission flagged for safeguarding"),
            Map.of("value", "REVIEW", "text", "Read and review",
                    "hint", "As read only, and may also tag, assign, move and add notes to submissions"));


    private ApiKeyRows() {
    }

    static Map<String, Object> row(ApiKeyView key) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", key.id().toString());
        row.put("name", key.name());
        row.put("prefix", key.prefix());
        row.put("scope", key.scope().name().equals("READ") ? "Read only" : "Read and review");
        row.put("status", switch (key.status()) {
            case "REVOKED" -> "Revoked";
            case "EXPIRED" -> "Expired";
            default -> "Active";
        });
        row.put("active", "ACTIVE".equals(key.status()));
        row.put("created", date(key.createdAt()));
        row.put("expires", date(key.expiresAt()));
        row.put("lastUsed", key.lastUsedAt() == null ? "Never" : UkTime.moment(key.lastUsedAt()));
        return row;
    }

    static String date(@Nullable Instant instant) {
        return instant == null ? "" : UkTime.day(instant);
    }
}
