package org.carereview.consult.core.safeguarding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * all-MiniLM-L6-v2, quantised: a 384-dimension sentence model (about 23 MB) that ships inside a Maven artifact
 * and runs in process on ONNX Runtime. Nothing is downloaded. Loading takes about half a second, so the
 * learned check loads it in the background ({@link LearnedCheck}).
 *
 * <p>Each text is read on the calling thread alone (one intra-op thread, no spinning): requests already run side by
 * side, and ONNX Runtime's default pool of spinning threads per call cost more CPU than the reading itself when
 * requests came one after another (issue 17's intake bench: 23 to 27 ms of CPU per submission in its threads).
 *
 * <p>A text the tokenizer takes whole (up to 128 tokens: every piece the learned check reads, most answers) is
 * tokenised once and read in one run, its vector the mean of its tokens' vectors, as langchain4j's encoder makes it;
 * that encoder tokenises such a text three times (to cut it into parts of 510 tokens, to rebuild each part's text, to
 * read it), which cost about a tenth of the model's CPU on a sentence. A longer text goes to langchain4j's encoder
 * as before (each part of 510 tokens is read up to the tokenizer's 128, the parts' vectors weighed by length), so no
 * stored vector changes. Texts are never read together in one run: the quantised model scales each run's values by
 * the largest among them, so a sentence read beside others comes out a little different (cosine 0.97 against itself
 * alone) and a verdict would depend on what it was read with.
 */
final class MiniLmEncoder implements SentenceEncoder {

    static final String NAME = "all-minilm-l6-v2-q";
    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
    private static final int DIMENSIONS = 384;

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final Model parts;

    MiniLmEncoder() {
        ClassLoader loader = MiniLmEncoder.class.getClassLoader();
        try (InputStream weights = loader.getResourceAsStream(MODEL);
             InputStream vocabulary = loader.getResourceAsStream(TOKENIZER);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (weights == null || vocabulary == null) {
                throw new IllegalStateException("the sentence model is not on the class path: " + MODEL);
            }
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            session = environment.createSession(weights.readAllBytes(), options);
            byte[] tokens = vocabulary.readAllBytes();
            tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokens), Map.of("padding", "false"));
            parts = new Model(new OnnxBertBiEncoder(environment, session, new ByteArrayInputStream(tokens),
                    PoolingMode.MEAN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence model could not be loaded", e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public float[] encode(String text) {
        Encoding tokens = tokenizer.encode(text, true, false);
        if (tokens.exceedMaxLength()) {
            return inParts(text);
        }
        try {
            return Vectors.unit(meanOfTokens(tokens.getIds()));
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence model could not read a text", e);
        }
    }

    /** The text's vector as langchain4j's encoder makes it, in parts (the tests' measure of {@link #encode}). */
    float[] inParts(String text) {
        return Vectors.unit(parts.embed(text).content().vector());
    }

    private float[] meanOfTokens(long[] ids) throws OrtException {
        long[] shape = {1, ids.length};
        long[] ones = new long[ids.length];
        Arrays.fill(ones, 1);
        try (OnnxTensor input = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor mask = OnnxTensor.createTensor(environment, LongBuffer.wrap(ones), shape);
             OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape);
             OrtSession.Result result = session.run(Map.of("input_ids", input, "attention_mask", mask,
                     "token_type_ids", types))) {
            FloatBuffer tokens = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] sum = new float[DIMENSIONS];
            for (int t = 0; t < ids.length; t++) {
                for (int d = 0; d < DIMENSIONS; d++) {
                    sum[d] += tokens.get(t * DIMENSIONS + d);
                }
            }
            return sum;
        }
    }

    /** langchain4j's encoder, read on the caller's thread (its own executor is only for lists of texts). */
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
            return DIMENSIONS;
        }
    }
}
