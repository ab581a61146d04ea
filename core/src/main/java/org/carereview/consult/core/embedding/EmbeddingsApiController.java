package org.carereview.consult.core.embedding;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.NotAudited;

/** Administrators see how far the answers' embeddings and their back-fill have got. */
@Controller("/api/v1/admin/embeddings")
@AdminOnly
class EmbeddingsApiController {

    private final Embeddings embeddings;

    EmbeddingsApiController(Embeddings embeddings) {
        this.embeddings = embeddings;
    }

    @Get
    @NotAudited("counts, dates and a model's name, nobody's data")
    EmbeddingProgress read() {
        return embeddings.progress();
    }
}
