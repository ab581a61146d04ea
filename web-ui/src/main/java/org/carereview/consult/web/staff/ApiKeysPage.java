package org.carereview.consult.web.staff;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * Integrations' keys ({@code staff/api-keys}): the keys issued ({@link ApiKeyRows}), the form to issue one as it was
 * filled in, its choices and hint, and the name of a key just revoked (null when none was).
 */
@Introspected
record ApiKeysPage(List<Map<String, Object>> keys, String name, String scope, String expiresInDays,
                   List<Map<String, Object>> scopeOptions, String expiryHint, @Nullable String revoked) {
}
