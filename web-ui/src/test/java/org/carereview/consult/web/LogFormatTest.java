package org.carereview.consult.web;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogFormatTest {

    @Test
    void acceptsJsonOrTextInAnyCaseAndRefusesAnythingElse() {
        assertEquals("JSON", LogFormat.appender(null));
        assertEquals("JSON", LogFormat.appender(" json "));
        assertEquals("TEXT", LogFormat.appender("Text"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> LogFormat.appender("xml"));
        assertTrue(refused.getMessage().contains("json or text"), refused.getMessage());
    }

    @Test
    void theApplicationsLogIsOneJsonObjectPerLineWithTheRequestId() throws Exception {
        List<String> lines = logThroughTheApplicationsConfiguration("JSON");
        assertEquals(2, lines.size(), "one line per event: " + lines);
        JsonNode event = new ObjectMapper().readTree(lines.get(0));
        assertEquals("WARN", event.get("level").asText());
        assertEquals("org.carereview.consult.test", event.get("loggerName").asText());
        assertEquals("answered 503 after 2 attempts", event.get("formattedMessage").asText());
        assertEquals("0123456789abcdef", event.get("mdc").get("requestId").asText());
        assertTrue(event.get("timestamp").asLong() > 0);
        JsonNode failed = new ObjectMapper().readTree(lines.get(1));
        assertEquals("IllegalStateException", failed.get("throwable").get("className").asText().replaceAll(".*\\.", ""));
    }

    @Test
    void theTextFormatIsOneReadableLinePerEvent() throws Exception {
        List<String> lines = logThroughTheApplicationsConfiguration("TEXT");
        assertTrue(lines.get(0).contains("WARN") && lines.get(0).contains("0123456789abcdef")
                && lines.get(0).endsWith("- answered 503 after 2 attempts"), lines.get(0));
        assertFalse(lines.get(0).startsWith("{"));
    }

    /** Two events through src/main/resources/logback.xml in a logger context of their own, as the jar would log. */
    @SuppressWarnings("unchecked")
    private static List<String> logThroughTheApplicationsConfiguration(String format) throws Exception {
        String was = System.getProperty(LogFormat.SETTING);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        try {
            System.setProperty(LogFormat.SETTING, format);
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            // The console appender the configuration chose, writing here instead of to the console.
            Iterator<Appender<ILoggingEvent>> chosen = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                    .iteratorForAppenders();
            OutputStreamAppender<ILoggingEvent> appender = (OutputStreamAppender<ILoggingEvent>) chosen.next();
            assertEquals(format.equals("JSON"), appender.getEncoder() instanceof ch.qos.logback.classic.encoder.JsonEncoder);
            assertTrue(context.getStatusManager().getCopyOfStatusList().stream().allMatch(s -> s.getLevel() == 0),
                    "logback had nothing to warn about: " + context.getStatusManager().getCopyOfStatusList());
            assertFalse(chosen.hasNext(), "one appender");
            appender.setOutputStream(written);
            org.slf4j.Logger logger = context.getLogger("org.carereview.consult.test");
            MDC.put("requestId", "0123456789abcdef");
            logger.warn("answered {} after {} attempts", 503, 2);
            MDC.remove("requestId");
            logger.error("failed", new IllegalStateException("for the test"));
        } finally {
            context.stop();
            if (was == null) {
                System.clearProperty(LogFormat.SETTING);
            } else {
                System.setProperty(LogFormat.SETTING, was);
            }
        }
        return written.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                .filter(l -> format.equals("TEXT") ? !l.startsWith("\t") && !l.startsWith("java.") : true).toList();
    }
}
