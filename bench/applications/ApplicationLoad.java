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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open arrival model: request i is sent at start + i * (window / count) whatever happened to earlier ones
 * (a closed loop would slow its own arrivals when the server slows, hiding the queue). Prints p50/p99
 * latency and throughput, and writes every acknowledged reference to a file for the database check.
 *
 * java ApplicationLoad.java BASE_URL COUNT SECONDS REFERENCES_FILE [DISCLOSURE_EVERY]
 *
 * With DISCLOSURE_EVERY (n > 0), every n-th application's motivation tells of harm in words the lead's phrase list
 * catches, and the references acknowledged for those go to REFERENCES_FILE with ".disclosures" added: the
 * benchmark then measures how soon the lead's alert for each was sent.
 */
public class ApplicationLoad {

    private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"(EBE-[0-9A-Z]{4}-[0-9A-Z]{4})\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int count = Integer.parseInt(args[1]);
        double seconds = Double.parseDouble(args[2]);
        Path references = Path.of(args[3]);
        int disclosureEvery = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        ConcurrentLinkedQueue<String> disclosures = new ConcurrentLinkedQueue<>();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(16)).build();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        java.util.Map<String, AtomicInteger> failedBy = new java.util.concurrent.ConcurrentSkipListMap<>();
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        long intervalNanos = (long) (seconds * 1_000_000_000L / count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait); // pacing the arrivals: this is the load generator, not a test
            }
            long sent = System.nanoTime();
            boolean disclosure = disclosureEvery > 0 && i % disclosureEvery == disclosureEvery - 1;
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/experts-by-experience/applications"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body(i, disclosure))).build();
            inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
                latencies.add(System.nanoTime() - sent);
                if (error != null || response.statusCode() != 201) {
                    failures.incrementAndGet();
                    String why = error != null ? error.getClass().getSimpleName() : String.valueOf(response.statusCode());
                    failedBy.computeIfAbsent(why, k -> new AtomicInteger()).incrementAndGet();
                    return null;
                }
                Matcher m = REFERENCE.matcher(response.body());
                if (m.find()) {
                    acknowledged.add(m.group(1));
                    if (disclosure) {
                        disclosures.add(m.group(1));
                    }
                } else {
                    failures.incrementAndGet();
                }
                return null;
            }));
        }
        long lastSent = System.nanoTime();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        long end = System.nanoTime();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        Files.write(references, acknowledged);
        if (disclosureEvery > 0) {
            Files.write(Path.of(references + ".disclosures"), disclosures);
        }
        double elapsed = (end - start) / 1e9;
        System.out.printf("requests=%d offered_over_s=%.1f completed_in_s=%.1f acknowledged=%d failed=%d%n",
                count, (lastSent - start) / 1e9, elapsed, acknowledged.size(), failures.get());
        System.out.println("failed_by=" + (failedBy.isEmpty() ? "none" : failedBy));
        System.out.printf("latency_ms p50=%.1f p90=%.1f p99=%.1f max=%.1f%n", ms(sorted, 0.50), ms(sorted, 0.90),
                ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
        System.out.printf("throughput_per_s=%.1f%n", acknowledged.size() / elapsed);
        System.exit(0);
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    private static String body(int i, boolean disclosure) {
        String[] regions = {"NORTH_EAST", "NORTH_WEST", "YORKSHIRE_AND_THE_HUMBER", "EAST_MIDLANDS", "WEST_MIDLANDS",
                "EAST_OF_ENGLAND", "LONDON", "SOUTH_EAST", "SOUTH_WEST"};
        int year = 1975 + (i % 30);
        return """
                {"experiences":["CARE_LEAVER","IN_CARE"],"name":"Applicant %d","dateOfBirth":"%d-03-14",
                 "region":"%s","email":"applicant%d@bench.example.org",
                 "experienceStory":"I lived in foster care and then in a children's home until I was eighteen. Moving so often meant changing schools three times.",
                 "motivation":"%s",
                 "availability":"Evenings","consents":{"dataUse":true}}
                """.formatted(i, year, regions[i % regions.length], i, disclosure
                ? "I want to help other children. My foster carer hits me when nobody else is in the house."
                : "I want the review to hear what it is like to leave care with no one to call.");
    }
}
