package org.carereview.consult.core.apikey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Deny by default for keys: a key reaches only the triage API's reads (both scopes) and, with REVIEW, tagging,
 * assigning, moving and noting a submission. Everything else, including every page and every route that reads
 * an account from the caller, is 403 for a key before its own rule is asked. People are left to the other rules.
 */
@Singleton
class ApiKeyRule implements SecurityRule<HttpRequest<?>> {

    private static final String ID = "[0-9a-fA-F-]{1,64}";
    private static final Pattern READS = Pattern.compile("/api/v1/triage/(submissions(/" + ID + "(/redaction)?)?|export\\.(csv|ods))");
    private static final Pattern CHANGE = Pattern.compile("/api/v1/triage/submissions/" + ID);
    private static final Pattern NOTE = Pattern.compile("/api/v1/triage/submissions/" + ID + "/notes");
    private static final Set<HttpMethod> READING = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request == null || !ApiKeyCaller.isKey(authentication)) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        return Publishers.just(allowed(request, ApiKeyCaller.scopeOf(authentication).orElse(null))
                ? SecurityRuleResult.UNKNOWN : SecurityRuleResult.REJECTED);
    }

    /** Whether a key of this scope may make this request at all (the route's own roles are still checked). */
    static boolean allowed(HttpRequest<?> request, @Nullable ApiKeyScope scope) {
        String path = request.getPath();
        HttpMethod method = request.getMethod();
        if (scope == null) {
            return false;
        }
        if (READING.contains(method)) {
            return READS.matcher(path).matches();
        }
        return scope == ApiKeyScope.REVIEW && (method == HttpMethod.PATCH && CHANGE.matcher(path).matches()
                || method == HttpMethod.POST && NOTE.matcher(path).matches());
    }

    @Override
    public int getOrder() {
        return SecuredAnnotationRule.ORDER - 1000;
    }
}
