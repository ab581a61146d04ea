package org.carereview.consult.notifications;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.json.JSONObject;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * A local stand-in for GOV.UK Notify's API (POST /v2/notifications/email and /sms), never the real service. It
 * checks the JWT bearer as Notify does ({@link FakeNotifyToken}), records what it
 * accepted, and answers with the next queued failure (429, 500, 400, 403) when a test asks for one.
 */
final class FakeNotify implements AutoCloseable {

    static final String SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506";
    static final String SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0";
    static final String API_KEY = "consult_test-" + SERVICE_ID + "-" + SECRET;
    static final String EMAIL_TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    static final String SMS_TEMPLATE = "8f4c3d1e-6b2a-4a5c-9e7d-1f2a3b4c5d6e";

    /** One accepted request: the endpoint ("email" or "sms") and its JSON body. */
    record Received(String channel, JSONObject body) {
    }

    private record Failure(int status, String error, String message) {
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private int requests;
    private Runnable whileAnswering = () -> { };

    FakeNotify() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(TestSupport.LOCALHOST), 0), 0);
        server.createContext("/v2/notifications/", this::handle);
        server.start();
    }

    /** A started fake, for a static field (a test's properties need its address before the context starts). */
    static FakeNotify started() {
        try {
            return new FakeNotify();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://" + TestSupport.LOCALHOST + ":" + server.getAddress().getPort();
    }

    /** The next request is answered with this error, whatever it is. */
    synchronized void failNext(int status, String error, String message) {
        failures.add(new Failure(status, error, message));
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    synchronized List<Received> received(String channel) {
        return received.stream().filter(r -> r.channel().equals(channel)).toList();
    }

    /** Every request that reached the server, accepted or not. */
    synchronized int requests() {
        return requests;
    }

    synchronized void reset() {
        received.clear();
        failures.clear();
        requests = 0;
        whileAnswering = () -> { };
    }

    /** Runs before each answer, as the sender waits for it (a test does what the rest of the node might meanwhile). */
    synchronized void whileAnswering(Runnable action) {
        whileAnswering = action;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String channel = exchange.getRequestURI().getPath().substring("/v2/notifications/".length());
            JSONObject body = new JSONObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Failure failure;
            Runnable meanwhile;
            synchronized (this) {
                meanwhile = whileAnswering;
                requests++;
                failure = failures.poll();
                if (failure == null && !FakeNotifyToken.signedByTheKey(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    failure = new Failure(403, "AuthError", "Invalid token: signature, api token not found");
                }
                if (failure == null && "POST".equals(exchange.getRequestMethod())
                        && (channel.equals("email") || channel.equals("sms"))) {
                    received.add(new Received(channel, body));
                }
            }
            meanwhile.run();
            if (failure != null) {
                answer(exchange, failure.status(), new JSONObject().put("status_code", failure.status())
                        .put("errors", List.of(new JSONObject().put("error", failure.error())
                                .put("message", failure.message()))));
            } else {
                answer(exchange, 201, accepted(channel, body));
            }
        }
    }

    /** What Notify answers to an accepted message: the client reads every one of these fields. */
    private static JSONObject accepted(String channel, JSONObject body) {
        String template = body.optString("template_id");
        JSONObject content = new JSONObject().put("body", "(rendered by Notify)");
        if (channel.equals("email")) {
            content.put("subject", "(subject)").put("from_email", "review@notifications.service.gov.uk");
        } else {
            content.put("from_number", "GOVUK");
        }
        return new JSONObject().put("id", UUID.randomUUID().toString()).put("reference", body.opt("reference"))
                .put("content", content).put("uri", "https://api.notifications.service.gov.uk/v2/notifications/x")
                .put("template", new JSONObject().put("id", template).put("version", 1)
                        .put("uri", "https://api.notifications.service.gov.uk/services/x/templates/" + template));
    }

    private static void answer(HttpExchange exchange, int status, JSONObject json) throws IOException {
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
