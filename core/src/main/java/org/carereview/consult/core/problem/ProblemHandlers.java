package org.carereview.consult.core.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import java.util.List;

/** Maps the application's own refusals, and bean validation, onto problem responses. */
final class ProblemHandlers {

    private ProblemHandlers() {
    }

    static String lastNode(Path path) {
        String name = null;
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name == null ? "" : name;
    }

    static MutableHttpResponse<?> invalid(ErrorResponseProcessor<?> processor, HttpRequest<?> request,
                                          List<FieldError> errors, Throwable cause) {
        ErrorContext.Builder context = ErrorContext.builder(request).cause(cause);
        for (FieldError e : errors) {
            context.error(new io.micronaut.http.server.exceptions.response.Error() {
                @Override
                public java.util.Optional<String> getPath() {
                    return java.util.Optional.of(e.field());
                }

                @Override
                public String getMessage() {
                    return e.message();
                }
            });
        }
        return processor.processResponse(context.build(), HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY));
    }

    @Singleton
    @Produces
    static final class InvalidInputHandler implements ExceptionHandler<InvalidInputException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        InvalidInputHandler(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, InvalidInputException exception) {
            return invalid(processor, request, exception.errors(), exception);
        }
    }

    @Singleton
    @Produces
    @Replaces(ConstraintExceptionHandler.class)
    static final class ConstraintHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        ConstraintHandler(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
            List<FieldError> errors = exception.getConstraintViolations().stream()
                    .map((ConstraintViolation<?> v) -> new FieldError(lastNode(v.getPropertyPath()), v.getMessage()))
                    .toList();
            return invalid(processor, request, errors, exception);
        }
    }

    @Singleton
    @Produces
    static final class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, ProblemException exception) {
            MutableHttpResponse<Problem> response = HttpResponse.status(exception.status()).body(exception.toProblem())
                    .contentType(ProblemErrorResponseProcessor.PROBLEM_JSON);
            if (exception instanceof RetryLaterException later) {
                response.header(HttpHeaders.RETRY_AFTER, Long.toString(later.retryAfterSeconds()));
            }
            return response;
        }
    }
}
