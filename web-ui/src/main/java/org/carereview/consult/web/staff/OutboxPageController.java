package org.carereview.consult.web.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import org.carereview.consult.core.access.NotAudited;
import org.carereview.consult.core.outbox.OutboxStatus;
import org.carereview.consult.notifications.OutboxQueue;
import org.carereview.consult.web.Pages;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Administrators see emails that failed or are still waiting, with recipients masked. */
@Controller("/staff/admin/outbox")
@Produces(MediaType.TEXT_HTML)
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class OutboxPageController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm")
            .withZone(ZoneId.of("Europe/London"));

    private final OutboxQueue queue;

    OutboxPageController(OutboxQueue queue) {
        this.queue = queue;
    }

    @Get
    @NotAudited("emails that have not gone, with every address masked")
    ModelAndView<Map<String, Object>> show(@Nullable @QueryValue String status) {
        OutboxQueue.Status which = OutboxStatus.parse(status);
        List<Map<String, String>> rows = queue.list(which).stream().map(m -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("created", WHEN.format(m.createdAt()));
            row.put("template", m.template());
            row.put("recipient", m.recipient());
            row.put("attempts", String.valueOf(m.attempts()));
            row.put("next", m.nextAttemptAt() == null ? "" : WHEN.format(m.nextAttemptAt()));
            row.put("error", m.lastError() == null ? "" : m.lastError());
            return row;
        }).toList();
        return Pages.view("staff/outbox", Map.of("failed", which == OutboxQueue.Status.FAILED, "rows", rows,
                "max", OutboxQueue.MAX));
    }
}
