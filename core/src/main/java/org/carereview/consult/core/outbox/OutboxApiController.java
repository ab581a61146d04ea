package org.carereview.consult.core.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.notifications.OutboxQueue;

import java.util.List;
import java.util.UUID;

/**
 * Administrators see emails that have not gone ({@code status=FAILED}, the default, or {@code PENDING}), try one or
 * every failed one again, and cancel one; each change is audited ({@link OutboxActions}).
 */
@Controller("/api/v1/admin/outbox")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class OutboxApiController {

    @Serdeable
    record Messages(String status, List<OutboxQueue.Message> items) {
    }

    @Serdeable
    record Retried(int count) {
    }

    private final OutboxQueue queue;
    private final OutboxActions actions;

    OutboxApiController(OutboxQueue queue, OutboxActions actions) {
        this.queue = queue;
        this.actions = actions;
    }

    @Get
    @NotAudited("emails that have not gone, with every address masked")
    Messages list(@Nullable @QueryValue String status) {
        OutboxQueue.Status which = OutboxStatus.parse(status);
        return new Messages(which.name(), queue.list(which));
    }

    /** Tries one email again at once: a failed one with a fresh count of attempts, or a waiting one now. */
    @Post("/{id}/retry")
    @Status(HttpStatus.NO_CONTENT)
    void retry(@PathVariable UUID id, Authentication administrator) {
        answer(actions.retry(UUID.fromString(administrator.getName()), id));
    }

    /** Cancels one email that has not gone: it is never sent, and its links and references are deleted. */
    @Post("/{id}/cancel")
    @Status(HttpStatus.NO_CONTENT)
    void cancel(@PathVariable UUID id, Authentication administrator) {
        answer(actions.cancel(UUID.fromString(administrator.getName()), id));
    }

    /** Every failed email that still has its details, tried again at once (for when a mail setting is fixed). */
    @Post("/retry-failed")
    Retried retryFailed(Authentication administrator) {
        return new Retried(actions.retryAllFailed(UUID.fromString(administrator.getName())));
    }

    private static void answer(OutboxActions.Result result) {
        switch (result) {
            case DONE -> { }
            case NOT_FOUND -> throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "There is no email with this id.");
            case NOT_WAITING -> throw new ProblemException(HttpStatus.CONFLICT, "email-not-waiting", "Email not waiting",
                    "This email was sent or cancelled, is being sent now, or failed too long ago to send again.");
        }
    }
}
