package org.carereview.consult.web.requests;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestIdsTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void everyAnswerCarriesItsOwnRequestId() {
        String first = http.toBlocking().exchange(HttpRequest.GET("/").accept("text/html"), String.class)
                .header(RequestIds.HEADER);
        String second = http.toBlocking().exchange(HttpRequest.GET("/").accept("text/html"), String.class)
                .header(RequestIds.HEADER);
        assertTrue(first != null && first.matches("[0-9a-f]{16}"), "a new id: " + first);
        assertTrue(second != null && second.matches("[0-9a-f]{16}"), "a new id: " + second);
        assertNotEquals(first, second);
    }

    @Test
    void keepsAPlainIdFromTheProxyAndReplacesAnythingElse() {
        String fromProxy = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
        assertEquals(fromProxy, http.toBlocking().exchange(HttpRequest.GET("/").accept("text/html")
                .header(RequestIds.HEADER, fromProxy), String.class).header(RequestIds.HEADER));
        String forged = http.toBlocking().exchange(HttpRequest.GET("/").accept("text/html")
                .header(RequestIds.HEADER, "ok\" level=ERROR msg=forged"), String.class).header(RequestIds.HEADER);
        assertTrue(forged.matches("[0-9a-f]{16}"), "replaced: " + forged);
    }

    @Test
    void errorPagesShowTheIdTheHeaderGives() {
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/no-such-page").accept("text/html"), String.class));
        assertEquals(HttpStatus.NOT_FOUND, missing.getStatus());
        String id = missing.getResponse().header(RequestIds.HEADER);
        String page = missing.getResponse().getBody(String.class).orElse("");
        assertTrue(id != null && page.contains("give us this code: " + id), "the page names " + id + ":\n" + page);

        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/call-for-advice", "respondentType=OTHER")
                        .contentType("application/x-www-form-urlencoded").accept("text/html"), String.class));
        assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
        assertTrue(refused.getResponse().getBody(String.class).orElse("")
                .contains(refused.getResponse().header(RequestIds.HEADER)), "the refused form's page names its id");
    }

    @Test
    void theAccessLogNamesTheRouteNeverThePathOrQueryOrWho() {
        List<ILoggingEvent> lines = captured("org.carereview.consult.access", () -> {
            HttpClientResponseException answer = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                    .exchange(HttpRequest.GET("/sign-in/zqtokenplanted0123456789?email=zq.planted@example.org")
                            .accept("text/html"), String.class));
            return answer.getResponse().header(RequestIds.HEADER);
        });
        ILoggingEvent line = lines.get(lines.size() - 1);
        String message = line.getFormattedMessage();
        assertTrue(message.startsWith("GET /sign-in/{token} "), message);
        assertFalse(message.contains("zq"), "no token, no query: " + message);
        assertEquals(lines.get(0).getMDCPropertyMap().get(RequestIds.MDC_KEY), line.getMDCPropertyMap().get(RequestIds.MDC_KEY));
    }

    @Test
    void linesLoggedWhileARequestIsHandledCarryItsId() {
        List<ILoggingEvent> lines = captured("org.carereview.consult.core.safeguarding.SafeguardingAlerts", () -> {
            HttpResponse<Map> sent = http.toBlocking().exchange(HttpRequest.POST("/api/v1/call-for-advice/submissions",
                    Map.of("respondentType", "CARE_EXPERIENCED", "keyQuestions",
                            "My foster carer hits me and I am scared to go home", "themes", List.of("SAFETY"))), Map.class);
            return sent.header(RequestIds.HEADER);
        });
        assertTrue(lines.size() > 1, "the flag was logged: " + lines);
        String id = lines.get(0).getFormattedMessage();
        assertTrue(lines.stream().skip(1).anyMatch(e -> id.equals(e.getMDCPropertyMap().get(RequestIds.MDC_KEY))),
                "a line carries " + id + ": " + lines.stream().map(ILoggingEvent::getMDCPropertyMap).toList());
    }

    /**
     * What the logger wrote at INFO while {@code request} ran; the first element is a marker event whose message is
     * the id the request's answer carried.
     */
    private static List<ILoggingEvent> captured(String name, Supplier<String> request) {
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        Level was = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
        try {
            String id = request.get();
            List<ILoggingEvent> events = new java.util.ArrayList<>();
            ch.qos.logback.classic.spi.LoggingEvent marker = new ch.qos.logback.classic.spi.LoggingEvent();
            marker.setMessage(id);
            marker.setMDCPropertyMap(Map.of(RequestIds.MDC_KEY, String.valueOf(id)));
            events.add(marker);
            events.addAll(appender.list);
            return events;
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(was);
        }
    }
}
