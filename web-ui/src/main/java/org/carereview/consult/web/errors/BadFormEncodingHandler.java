package org.carereview.consult.web.errors;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import jakarta.inject.Singleton;

/**
 * A form body that is not properly encoded (a {@code %} not followed by two hex digits) is the sender's mistake:
 * 400 with the usual error page or problem, never a 500. The decoder's message quotes the field it could not read
 * (an email address, say), so neither the message nor the exception goes to the log or the answer.
 */
@Singleton
@Produces
final class BadFormEncodingHandler
        implements ExceptionHandler<HttpPostRequestDecoder.ErrorDataDecoderException, HttpResponse<?>> {

    static final String MESSAGE = "The form could not be read. Go back, check what you typed and send it again.";

    private final ErrorResponseProcessor<?> processor;

    BadFormEncodingHandler(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, HttpPostRequestDecoder.ErrorDataDecoderException exception) {
        return processor.processResponse(ErrorContext.builder(request).errorMessage(MESSAGE).build(),
                HttpResponse.badRequest());
    }
}
