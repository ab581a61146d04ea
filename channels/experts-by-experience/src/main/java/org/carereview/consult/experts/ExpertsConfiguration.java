package org.carereview.consult.experts;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** {@code consult.experts.*}: the longest free-text answer accepted in an application, in characters. */
@ConfigurationProperties("consult.experts")
record ExpertsConfiguration(@Bindable(defaultValue = "10000") int maxAnswerLength) {
}
