package org.carereview.consult.web.errors;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

/**
 * A body bigger than the server accepts ({@code micronaut.server.max-request-size}) is refused as too large (413,
 * with the "too big" page or problem) before anything reads it: otherwise the form's security check, which cannot
 * read the token from a body it may not read, answers 403 as if the form were forged.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class TooLarge implements Ordered {

    private final ErrorResponseProcessor<?> processor;
    private final long maxBytes;

    TooLarge(ErrorResponseProcessor<?> processor, @Value("${micronaut.server.max-request-size:10MB}") @ReadableBytes long maxBytes) {
        this.processor = processor;
        this.maxBytes = maxBytes;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuse(HttpRequest<?> request) {
        if (request.getContentLength() > maxBytes) {
            return processor.processResponse(ErrorContext.builder(request).errorMessage("What you sent is too big")
                    .build(), HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE));
        }
        return null;
    }
}
