package org.carereview.consult.core.safeguarding;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2, quantised: a 384-dimension sentence model (about 23 MB) that ships inside a Maven artifact
 * and runs in process on ONNX Runtime. Nothing is downloaded. Loading takes about half a second, so the
 * learned check loads it in the background ({@link LearnedCheck}).
 */
final class MiniLmEncoder implements SentenceEncoder {

    static final String NAME = "all-minilm-l6-v2-q";

    private final AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public float[] encode(String text) {
        return Vectors.unit(model.embed(text).content().vector());
    }
}
