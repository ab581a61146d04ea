package org.carereview.consult.web.staff;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.carereview.consult.core.outbox.OutboxActions;
import org.carereview.consult.core.outbox.OutboxStatus;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.notifications.OutboxQueue;
import org.carereview.consult.web.Pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Administrators see emails that failed or are still waiting, with recipients masked; they send one, or every
 * failed one, again once the mail setting that failed them is fixed, and cancel one that should not go (audited).
 */
@Controller("/staff/admin/outbox")
@Produces(MediaType.TEXT_HTML)
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class OutboxPageController {

    private final OutboxQueue queue;
    private final OutboxActions actions;

    OutboxPageController(OutboxQueue queue, OutboxActions actions) {
        this.queue = queue;
        this.actions = actions;
    }

    /** Once a mail setting is fixed: every failed email that still has its details is tried again at once. */
    @Post("/retry-failed")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> retryFailed(Authentication administrator) {
        int queued = actions.retryAllFailed(UUID.fromString(administrator.getName()));
        return Pages.seeOther("/staff/admin/outbox?status=PENDING&retried=" + queued);
    }

    /** One email tried again at once; back to the waiting list, or to the list it was on if it had gone meanwhile. */
    @Post("/{id}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> retry(@PathVariable UUID id, @Nullable @QueryValue String from, Authentication administrator) {
        return switch (actions.retry(UUID.fromString(administrator.getName()), id)) {
            case DONE -> Pages.seeOther("/staff/admin/outbox?status=PENDING&retried=1");
            case NOT_FOUND, NOT_WAITING -> Pages.seeOther(list(from) + "&unchanged=true");
        };
    }

    /** One email cancelled: it will never be sent, and its links and references are deleted. */
    @Post("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cancel(@PathVariable UUID id, @Nullable @QueryValue String from, Authentication administrator) {
        return switch (actions.cancel(UUID.fromString(administrator.getName()), id)) {
            case DONE -> Pages.seeOther(list(from) + "&cancelled=true");
            case NOT_FOUND, NOT_WAITING -> Pages.seeOther(list(from) + "&unchanged=true");
        };
    }

    /**
     * The failed or the waiting emails ({@code staff/outbox}), oldest first up to {@code max}, with the outcome of the
     * form just posted: how many are being sent again (null when none was asked), one cancelled, or nothing changed.
     */
    @Introspected
    record OutboxPage(boolean failed, List<Map<String, String>> rows, int max, @Nullable Integer retried,
                      boolean cancelled, boolean unchanged) {
    }

    @Get
    @NotAudited("emails that have not gone, with every address masked")
    ModelAndView<Map<String, Object>> show(@Nullable @QueryValue String status, @Nullable @QueryValue Integer retried,
                                           @Nullable @QueryValue Boolean cancelled,
                                           @Nullable @QueryValue Boolean unchanged) {
        OutboxQueue.Status which = OutboxStatus.parse(status);
        List<Map<String, String>> rows = queue.list(which).stream().map(m -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", m.id().toString());
            row.put("created", UkTime.stamp(m.createdAt()));
            row.put("template", m.template());
            row.put("channel", "SMS".equals(m.channel()) ? "Text message" : "Email");
            row.put("recipient", m.recipient());
            row.put("attempts", String.valueOf(m.attempts()));
            row.put("next", m.nextAttemptAt() == null ? "" : UkTime.stamp(m.nextAttemptAt()));
            row.put("error", m.lastError() == null ? "" : m.lastError());
            return row;
        }).toList();
        return Pages.view("staff/outbox", new OutboxPage(which == OutboxQueue.Status.FAILED, rows, OutboxQueue.MAX,
                retried != null && retried >= 0 ? retried : null, Boolean.TRUE.equals(cancelled),
                Boolean.TRUE.equals(unchanged)));
    }

    /** The list a form was posted from (failed unless it says waiting). */
    private static String list(@Nullable String from) {
        return "/staff/admin/outbox?status=" + ("PENDING".equals(from) ? "PENDING" : "FAILED");
    }
}
