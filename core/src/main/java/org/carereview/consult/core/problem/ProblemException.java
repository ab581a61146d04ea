package org.carereview.consult.core.problem;

import io.micronaut.http.HttpStatus;

/** A refusal with a stable problem type, such as {@code window-closed} (409). */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;

    public ProblemException(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, true);
    }

    /** Without a stack trace when {@code trace} is false: for refusals thrown often, by design. */
    protected ProblemException(HttpStatus status, String slug, String title, String detail, boolean trace) {
        super(detail, null, true, trace);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public Problem toProblem() {
        return Problem.of(slug, title, status.getCode(), getMessage());
    }
}
