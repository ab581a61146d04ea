import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The triage benchmark's client: over HTTP, one request at a time (a member of staff at a time), measures
 *   queue    filtered pages of 50 (status + theme + area)
 *   rare     full-text searches for selective words (each in well under 1% of rows), top 50 by rank
 *   care     the common word "care", top 50
 * and prints p50/p95/max ("warm" sends each kind unmeasured first).
 * Usage: java TriageLoad.java BASE_URL TOKEN RARE_WORDS_FILE queue|rare|care|warm [REQUESTS]
 */
public class TriageLoad {

    static final String[] STATUSES = {"NEW", "IN_REVIEW", "ACTIONED"};
    static final String[] THEMES = {"SUPPORT", "STRENGTHENING_FAMILIES", "SAFETY", "CARE", "DELIVERY", "SUSTAINABILITY",
            "ACCOUNTABILITY"};
    static final String[] AREAS = {"cumbria", "camden", "darlington", "nottinghamshire", "peterborough",
            "north-lincolnshire", "enfield", "southampton", "bath-and-north-east-somerset", "wolverhampton"};

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        List<String> rare = Files.readAllLines(Path.of(args[2])).stream().filter(s -> !s.isBlank()).toList();
        String mode = args[3];
        int requests = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        HttpClient http = HttpClient.newHttpClient();
        Random random = new Random(42);
        if (mode.equals("warm")) {
            // Warm the server's JIT (and PostgreSQL's caches) on every kind of request before anything is measured.
            for (String kind : new String[]{"queue", "rare", "care", "queue", "rare", "care"}) {
                run(http, base, token, rare, kind, requests, random);
            }
            return;
        }
        List<Double> times = new ArrayList<>();
        long items = run(http, base, token, rare, mode, requests, random, times);
        Collections.sort(times);
        System.out.printf("%-7s n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms (mean %.1f items a page)%n", mode, times.size(),
                pct(times, 50), pct(times, 95), times.get(times.size() - 1), items / (double) times.size());
    }

    static void run(HttpClient http, String base, String token, List<String> rare, String mode, int requests,
                    Random random) throws Exception {
        run(http, base, token, rare, mode, requests, random, new ArrayList<>());
    }

    /** Sends the requests one after another; returns the items received after the first 20 (not timed). */
    static long run(HttpClient http, String base, String token, List<String> rare, String mode, int requests,
                    Random random, List<Double> times) throws Exception {
        long items = 0;
        for (int i = 0; i < requests + 20; i++) {
            String query = switch (mode) {
                case "queue" -> "status=" + pick(random, STATUSES) + "&theme=" + pick(random, THEMES) + "&area="
                        + pick(random, AREAS) + "&limit=50";
                case "rare" -> "q=" + URLEncoder.encode(rare.get(random.nextInt(rare.size())), StandardCharsets.UTF_8)
                        + "&limit=50";
                case "care" -> "q=care&limit=50";
                default -> throw new IllegalArgumentException(mode);
            };
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/triage/submissions?"
                    + query)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(query + " -> " + response.statusCode() + " " + response.body());
            }
            if (i >= 20) {
                times.add(ms);
                items += count(response.body(), "\"reference\"");
            }
        }
        return items;
    }

    static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    static long count(String text, String needle) {
        long n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
