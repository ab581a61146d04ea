package org.carereview.consult.core.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Every error the framework answers goes through here: API callers get problem+json, browsers get
 * the HTML error page (web-ui supplies it). Server errors never carry internal detail.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Object> {

    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private final HtmlErrorResponseBodyProvider html;

    ProblemErrorResponseProcessor(HtmlErrorResponseBodyProvider html) {
        this.html = html;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpRequest<?> request = context.getRequest();
        if (request.getMethod().name().equals("HEAD")) {
            return (MutableHttpResponse<Object>) response;
        }
        if (!Requests.isApi(request) && acceptsHtml(request)) {
            MutableHttpResponse<Object> page = (MutableHttpResponse<Object>) response;
            page.body(html.body(context, response));
            return page.contentType(MediaType.TEXT_HTML_TYPE);
        }
        MutableHttpResponse<Object> problem = (MutableHttpResponse<Object>) response;
        problem.body(problemFor(context, response.status()));
        return problem.contentType(PROBLEM_JSON);
    }

    static Problem problemFor(ErrorContext context, HttpStatus status) {
        if (status.getCode() >= 500) {
            return Problem.of("server-error", "Sorry, there is a problem with the service", status.getCode(),
                    "Try again later. Nothing you sent has been lost if you were told it was received.");
        }
        List<FieldError> fields = context.getErrors().stream()
                .filter(e -> e.getPath().isPresent())
                .map(e -> new FieldError(e.getPath().get(), e.getMessage()))
                .toList();
        String detail = context.getErrors().stream()
                .filter(e -> e.getPath().isEmpty())
                .map(io.micronaut.http.server.exceptions.response.Error::getMessage)
                .findFirst().orElse(null);
        return new Problem(Problem.TYPE_BASE + slug(status), status.getReason(), status.getCode(), detail,
                fields.isEmpty() ? null : fields);
    }

    private static String slug(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "unreadable-request";
            case UNPROCESSABLE_ENTITY -> "invalid-input";
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case REQUEST_ENTITY_TOO_LARGE -> "too-large";
            default -> "http-" + status.getCode();
        };
    }

    private static boolean acceptsHtml(HttpRequest<?> request) {
        return request.accept().stream().anyMatch(m -> m.matches(MediaType.TEXT_HTML_TYPE));
    }
}
