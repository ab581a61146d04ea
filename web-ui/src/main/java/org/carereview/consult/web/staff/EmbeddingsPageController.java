package org.carereview.consult.web.staff;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.views.ModelAndView;
import org.carereview.consult.core.embedding.EmbeddingProgress;
import org.carereview.consult.core.embedding.Embeddings;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.web.Pages;

import java.time.Instant;
import java.util.Map;

/** Administrators see how far the answers' embeddings and their back-fill have got (ADR 33). */
@Controller("/staff/admin/embeddings")
@Produces(MediaType.TEXT_HTML)
@AdminOnly
class EmbeddingsPageController {

    private final Embeddings embeddings;

    EmbeddingsPageController(Embeddings embeddings) {
        this.embeddings = embeddings;
    }

    /**
     * How far the embeddings have got ({@code staff/embeddings}): counts of answers embedded, waiting and failed, the
     * back-fill's progress over submissions, and when it started and finished in UK time (empty when not yet).
     */
    @Introspected
    record EmbeddingsPage(boolean started, String model, long embedded, long waiting, long failed, long answers,
                          long scanned, long submissions, long percent, String backfillStarted,
                          String backfillFinished, boolean complete) {
    }

    @Get
    @NotAudited("counts, dates and a model's name, nobody's data")
    ModelAndView<Map<String, Object>> show() {
        EmbeddingProgress p = embeddings.progress();
        return Pages.view("staff/embeddings", new EmbeddingsPage(p.model() != null,
                p.model() == null ? "" : p.model(), p.embedded(), p.waiting(), p.failed(), p.answers(), p.scanned(),
                p.submissions(), p.answers() == 0 ? 100 : p.embedded() * 100 / p.answers(),
                when(p.backfillStarted()), when(p.backfillFinished()), p.complete()));
    }

    private static String when(Instant instant) {
        return instant == null ? "" : UkTime.moment(instant);
    }
}
