import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The fail-safe benchmark's client: WORKERS threads each send call-for-advice submissions (each with its own
 * Idempotency-Key) one after another for SECONDS, and write one line per request to OUT:
 *   startMillis endMillis status reference-or-dash
 * so the script can compare what was acknowledged with what the database holds, and time the answers around the
 * moment PostgreSQL is killed and started again.
 * Usage: java FailsafeLoad.java BASE_URL WORKERS SECONDS OUT
 */
public class FailsafeLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int workers = Integer.parseInt(args[1]);
        long until = System.currentTimeMillis() + Long.parseLong(args[2]) * 1000;
        Path out = Path.of(args[3]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int w = 0; w < workers; w++) {
            pool.submit(() -> {
                while (!stop.get() && System.currentTimeMillis() < until) {
                    String body = "{\"respondentType\":\"CARE_EXPERIENCED\",\"keyQuestions\":\"Why do children in care move "
                            + "so often? " + UUID.randomUUID() + "\",\"themes\":[\"CARE\"],\"consentToContact\":false,"
                            + "\"consentToPublish\":false}";
                    long start = System.currentTimeMillis();
                    int status;
                    String reference = "-";
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                        URI.create(base + "/api/v1/call-for-advice/submissions"))
                                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        int at = response.body().indexOf("\"reference\":\"");
                        if (status / 100 == 2 && at >= 0) {
                            reference = response.body().substring(at + 13, response.body().indexOf('"', at + 13));
                        }
                    } catch (Exception e) {
                        status = 0;
                    }
                    lines.add(start + " " + System.currentTimeMillis() + " " + status + " " + reference);
                }
                return null;
            });
        }
        pool.shutdown();
        while (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS)) {
            // waiting for the workers
        }
        Files.write(out, lines);
    }
}
