package org.carereview.consult.web.words;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.views.thymeleaf.MessageSourceMessageResolver;
import jakarta.inject.Singleton;

/**
 * Thymeleaf's {@code #{key}} reads {@link PublicWords} itself, not through Micronaut's composite message
 * source: the composite fills in arguments in its own way, which treats an apostrophe as a quote and drops it
 * ("childrens social care").
 */
@Factory
final class PublicWordsResolver {

    @Singleton
    @Replaces(MessageSourceMessageResolver.class)
    MessageSourceMessageResolver publicWordsResolver(PublicWords words) {
        return new MessageSourceMessageResolver(words);
    }
}
