package org.carereview.consult.web.errors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

import java.util.Locale;

/**
 * No address of this service holds a NUL character, and PostgreSQL refuses one in text: a path with one
 * ({@code /areas/camden%00}) is answered "not found" here, before it can reach a query and become a 500.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class NulInPath implements Ordered {

    private final ErrorResponseProcessor<?> processor;

    NulInPath(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuse(HttpRequest<?> request) {
        String raw = request.getUri().getRawPath();
        if (raw.toLowerCase(Locale.ROOT).contains("%00") || request.getPath().indexOf('\0') >= 0) {
            return processor.processResponse(ErrorContext.builder(request).errorMessage("Not Found").build(),
                    HttpResponse.notFound());
        }
        return null;
    }
}
