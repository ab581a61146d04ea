package org.carereview.consult.db;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * Marks a test (or a whole class) that makes the service fail on purpose: a stopped database, a mail server that
 * refuses, a broken template. While it runs, every line of the test log starts with {@code [expected: why]}
 * (logback-test.xml's {@code %expected}), so a newcomer reading a build log can tell a deliberate failure from
 * trouble. Test classes run one after another in a test JVM, so one mark at a time is enough.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(ExpectedNoise.Mark.class)
public @interface ExpectedNoise {

    /** Why the log will show warnings or errors, in a few words. */
    String value();

    /** Sets and clears the mark around the annotated class or test. */
    final class Mark implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

        private static volatile String current;

        @Override
        public void beforeAll(ExtensionContext context) {
            current = why(context).orElse(null);
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            why(context).ifPresent(reason -> current = reason);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            current = context.getParent().flatMap(Mark::why).orElse(null);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            current = null;
        }

        private static Optional<String> why(ExtensionContext context) {
            return context.getElement().map(e -> e.getAnnotation(ExpectedNoise.class)).map(ExpectedNoise::value);
        }
    }

    /** {@code %expected} in a logback pattern: {@code [expected: why] } while a marked test runs, else nothing. */
    final class Converter extends ClassicConverter {

        @Override
        public String convert(ILoggingEvent event) {
            String reason = Mark.current;
            return reason == null ? "" : "[expected: " + reason + "] ";
        }
    }
}
