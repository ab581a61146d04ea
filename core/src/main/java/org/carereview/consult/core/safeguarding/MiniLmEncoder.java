package org.carereview.consult.core.safeguarding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * all-MiniLM-L6-v2, quantised: a 384-dimension sentence model (about 23 MB) that ships inside a Maven artifact
 * and runs in process on ONNX Runtime. Nothing is downloaded. Loading takes about half a second, so the
 * learned check loads it in the background ({@link LearnedCheck}).
 *
 * <p>Each text is read on the calling thread alone (one intra-op thread, no spinning): requests already run side by
 * side, and ONNX Runtime's default pool of spinning threads per call cost more CPU than the reading itself when
 * requests came one after another (issue 17's intake bench: 23 to 27 ms of CPU per submission in its threads).
 */
final class MiniLmEncoder implements SentenceEncoder {

    static final String NAME = "all-minilm-l6-v2-q";
    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    private final Model model = new Model(load());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public float[] encode(String text) {
        return Vectors.unit(model.embed(text).content().vector());
    }

    private static OnnxBertBiEncoder load() {
        ClassLoader loader = MiniLmEncoder.class.getClassLoader();
        try (InputStream weights = loader.getResourceAsStream(MODEL);
             InputStream tokenizer = loader.getResourceAsStream(TOKENIZER);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (weights == null || tokenizer == null) {
                throw new IllegalStateException("the sentence model is not on the class path: " + MODEL);
            }
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(weights.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence model could not be loaded", e);
        }
    }

    /** The model, read on the caller's thread (langchain4j's own executor is only for lists of texts). */
    private static final class Model extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }
}
