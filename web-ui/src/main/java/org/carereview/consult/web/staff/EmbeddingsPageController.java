package org.carereview.consult.web.staff;

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
import java.util.HashMap;
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

    @Get
    @NotAudited("counts, dates and a model's name, nobody's data")
    ModelAndView<Map<String, Object>> show() {
        EmbeddingProgress p = embeddings.progress();
        Map<String, Object> model = new HashMap<>();
        model.put("started", p.model() != null);
        model.put("model", p.model() == null ? "" : p.model());
        model.put("embedded", p.embedded());
        model.put("waiting", p.waiting());
        model.put("failed", p.failed());
        model.put("answers", p.answers());
        model.put("scanned", p.scanned());
        model.put("submissions", p.submissions());
        model.put("percent", p.answers() == 0 ? 100 : p.embedded() * 100 / p.answers());
        model.put("backfillStarted", when(p.backfillStarted()));
        model.put("backfillFinished", when(p.backfillFinished()));
        model.put("complete", p.complete());
        return Pages.view("staff/embeddings", model);
    }

    private static String when(Instant instant) {
        return instant == null ? "" : UkTime.moment(instant);
    }
}
