package org.carereview.consult.core.safeguarding;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The sentence model, made when it is first asked for (the learned check asks in the background). */
@Factory
class EncoderFactory {

    @Singleton
    SentenceEncoder sentenceEncoder() {
        return new MiniLmEncoder();
    }
}
