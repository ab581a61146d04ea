package org.carereview.consult.core.apikey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import org.carereview.consult.core.account.Role;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An integration calling with its key: never a person. Its authentication's name is {@code api-key:<id>}, which
 * is not an account id (code that reads an account id from the name fails rather than act as someone), and
 * its only role is REVIEWER; {@link ApiKeyRule} keeps it to the few routes a key may use.
 */
public record ApiKeyCaller(UUID id, String prefix, String name, ApiKeyScope scope) {

    static final String NAME_START = "api-key:";
    static final String ATTRIBUTE_ID = "apiKeyId";
    static final String ATTRIBUTE_SCOPE = "apiKeyScope";

    /** The key, if this authentication is one. */
    public static Optional<UUID> keyOf(@Nullable Authentication authentication) {
        if (authentication == null || !(authentication.getAttributes().get(ATTRIBUTE_ID) instanceof String id)
                || !authentication.getName().startsWith(NAME_START)) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(id));
    }

    public static boolean isKey(@Nullable Authentication authentication) {
        return keyOf(authentication).isPresent();
    }

    static Optional<ApiKeyScope> scopeOf(Authentication authentication) {
        return isKey(authentication)
                ? ApiKeyScope.parse(String.valueOf(authentication.getAttributes().get(ATTRIBUTE_SCOPE)))
                : Optional.empty();
    }

    /** How the audit log and pages name a key: "API key 1a2b3c4d (Power BI dashboard)". */
    public static String label(String prefix, String name) {
        return "API key " + prefix + " (" + name + ")";
    }

    Authentication authentication() {
        return Authentication.build(NAME_START + id, List.of(Role.REVIEWER.name()),
                Map.of(ATTRIBUTE_ID, id.toString(), ATTRIBUTE_SCOPE, scope.name()));
    }
}
