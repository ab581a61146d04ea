package org.carereview.consult.core.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.access.NotAudited;
import org.carereview.consult.notifications.OutboxQueue;

import java.util.List;

/** Administrators see emails that have not gone: {@code status=FAILED} (the default) or {@code PENDING}. */
@Controller("/api/v1/admin/outbox")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class OutboxApiController {

    @Serdeable
    record Messages(String status, List<OutboxQueue.Message> items) {
    }

    private final OutboxQueue queue;

    OutboxApiController(OutboxQueue queue) {
        this.queue = queue;
    }

    @Get
    @NotAudited("emails that have not gone, with every address masked")
    Messages list(@Nullable @QueryValue String status) {
        OutboxQueue.Status which = OutboxStatus.parse(status);
        return new Messages(which.name(), queue.list(which));
    }
}
