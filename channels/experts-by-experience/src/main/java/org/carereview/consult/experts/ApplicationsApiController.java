package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.idempotency.Idempotency;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.ratelimit.RateLimiter;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.core.safeguarding.Screening;
import org.carereview.consult.core.submission.OwnSubmissions;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;

@Controller("/api/v1/experts-by-experience/applications")
@ExecuteOn(TaskExecutors.BLOCKING)
class ApplicationsApiController {

    private static final String BUCKET = "public-post";

    private final Applications applications;
    private final ApplicationIntake intake;
    private final ApplicationWindow window;
    private final Idempotency idempotency;
    private final OwnSubmissions ownSubmissions;
    private final RateLimiter rateLimiter;
    private final JsonMapper json;
    private final AuditLog audit;

    ApplicationsApiController(Applications applications, ApplicationIntake intake, ApplicationWindow window,
                              Idempotency idempotency, OwnSubmissions ownSubmissions, RateLimiter rateLimiter,
                              JsonMapper json, AuditLog audit) {
        this.intake = intake;
        this.audit = audit;
        this.applications = applications;
        this.window = window;
        this.idempotency = idempotency;
        this.ownSubmissions = ownSubmissions;
        this.rateLimiter = rateLimiter;
        this.json = json;
    }

    /**
     * Applies. Outside the window the answer is 409 whatever the body, even one that cannot be read;
     * a replay of an application accepted in time (same Idempotency-Key and body) still gets its 201.
     */
    @Post(consumes = MediaType.APPLICATION_JSON)
    @Status(HttpStatus.CREATED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @RequestBody(content = @Content(schema = @Schema(implementation = ApplicationInput.class)))
    HttpResponse<ApplicationReceipt> submit(HttpRequest<?> request, @Nullable @Body String body,
                                            @Nullable @Header(Idempotency.HEADER) String idempotencyKey,
                                            @Nullable Authentication authentication) {
        ApplicationInput input = read(body);
        UUID owner = authentication == null ? null : UUID.fromString(authentication.getName());
        // A replay of an earlier request gets its stored answer, even after the close or over the rate limit. The
        // safeguarding model reads the answers before the transaction (no connection held while it reads), unless
        // the sender's window is full.
        // Written together with the others arriving at the same moment (ADR 49) unless it is out of the ordinary, or
        // the sender's window is full: then alone, as below.
        Idempotency.Outcome<ApplicationReceipt> outcome;
        boolean full = rateLimiter.full(BUCKET, request);
        try (Screening.Ahead ahead = full ? Screening.Ahead.NONE : applications.screenAhead(input)) {
            Optional<ApplicationReceipt> together = full ? Optional.empty()
                    : intake.submit(input, owner, idempotencyKey, rateLimiter.countKey(BUCKET, request));
            outcome = together.map(receipt -> new Idempotency.Outcome<>(receipt, false)).orElseGet(() ->
                    idempotency.run(ApplicationIntake.SCOPE, idempotencyKey, input, ApplicationReceipt.class, () -> {
                        window.requireOpen();
                        return rateLimiter.counted(BUCKET, request, () -> applications.submit(input, owner));
                    }));
        }
        return HttpResponse.created(outcome.body(),
                URI.create("/api/v1/experts-by-experience/applications/" + outcome.body().id()));
    }

    /**
     * The whole application, identity and contact included: its owner (unless flagged), the safeguarding lead and
     * administrators ({@link Visibility#mayReadWhole}). Reviewers read applications anonymised, through scoring.
     */
    @PersonalData
    @Get("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ApplicationView read(@PathVariable UUID id, Authentication authentication) {
        Viewer viewer = Viewer.of(authentication);
        return applications.summary(id)
                .filter(s -> Visibility.mayReadWhole(viewer, s.ownerId(), s.safeguarding()))
                .flatMap(s -> applications.find(id))
                .map(v -> {
                    audit.record(viewer.accountId(), AuditAction.VIEW, id, "application");
                    return v;
                })
                .orElseThrow(ApplicationsApiController::notFound);
    }

    /** The owner withdraws it: every answer and the equality answers are erased, the reference kept. Anyone else: 404. */
    @Delete("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Status(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable UUID id, Authentication authentication) {
        applications.summary(id).orElseThrow(ApplicationsApiController::notFound);
        ownSubmissions.withdraw(id, UUID.fromString(authentication.getName()));
    }

    /** Administrators: a keyset page, newest first, filtered by outcome, region, age band and experience. */
    @PersonalData
    @Get
    @AdminOnly
    ApplicationPage list(@Nullable @QueryValue String outcome, @Nullable @QueryValue String region,
                         @Nullable @QueryValue String ageBand, @Nullable @QueryValue String experience,
                         @Nullable @QueryValue String limit, @Nullable @QueryValue String after, Authentication who) {
        ApplicationFilter filter = ApplicationFilter.parse(outcome, region, ageBand, experience);
        ApplicationPage page = applications.list(filter, after, parseLimit(limit));
        audit.recordList(Viewer.of(who).accountId(), AuditAction.LIST, "applications " + filter.describe()
                + (after == null ? "" : " after=given"), page.items().size());
        return page;
    }

    private ApplicationInput read(@Nullable String body) {
        ApplicationInput input = null;
        if (body != null && !body.isBlank()) {
            try {
                input = json.readValue(body, Argument.of(ApplicationInput.class));
            } catch (IOException | RuntimeException e) {
                input = null;
            }
        }
        if (input == null) {
            window.requireOpen();
            throw new ProblemException(HttpStatus.BAD_REQUEST, "unreadable-request", "Bad Request",
                    "The body could not be read as an application in JSON.");
        }
        return input;
    }

    @Nullable
    private static Integer parseLimit(@Nullable String limit) {
        if (limit == null || limit.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(limit.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("limit", "Limit must be a whole number from 1 to " + Applications.MAX_PAGE_SIZE);
        }
    }

    private static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not Found", "No such application.");
    }
}
