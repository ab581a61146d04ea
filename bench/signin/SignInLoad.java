import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The sign-in benchmark's client: wrong passwords on POST /api/v1/auth/login, one at a time, each from the client
 * address named in X-Forwarded-For (the server trusts it for this run).
 *   burst     200 for one account, then 200 across many accounts, from one address each: how many were
 *             checked (401) or refused (429), and the server's CPU (utime + stime in /proc) per checked and per
 *             refused attempt
 *   sustained attackers that obey Retry-After against a server whose policy times are divided by SCALE (a
 *             policy minute lasts 60/SCALE s): guesses per policy hour for one account (eager; paced to be
 *             forgotten) and for one address trying many accounts
 * Usage: java SignInLoad.java burst BASE_URL SERVER_PID CLK_TCK ADMIN_EMAIL ADMIN_PASSWORD
 *        java SignInLoad.java sustained BASE_URL SECONDS SCALE
 */
public class SignInLoad {

    static final String WRONG = "not the password, a guess";
    /** Refused attempts in each of the two warm-up rounds (SIGNIN_WARM). */
    static final int WARM = Integer.parseInt(System.getenv().getOrDefault("SIGNIN_WARM", "3000"));
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, long retryAfter) {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("burst")) {
            burst(args[1], Long.parseLong(args[2]), Integer.parseInt(args[3]), args[4], args[5]);
        } else {
            sustained(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        }
    }

    static void burst(String base, long pid, int ticksPerSecond, String admin, String adminPassword) throws Exception {
        Cpu cpu = new Cpu(pid, ticksPerSecond);
        cpu.settle();
        // Warm the server's JIT on both paths (checked and refused) from addresses and emails not measured later.
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < WARM; i++) {
                login(base, "warm.account." + round + "@example.org", WRONG, "192.0.2." + (10 + round));
            }
            for (int i = 0; i < 80; i++) {
                login(base, "warm." + round + "." + i + "@example.org", WRONG, "192.0.2." + (20 + round));
            }
        }
        cpu.settle();
        Tally one = new Tally();
        long t0 = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            one.add(cpu, () -> login(base, admin, WRONG, "198.51.100.1"));
        }
        double oneSeconds = (System.nanoTime() - t0) / 1e9;
        Answer right = login(base, admin, adminPassword, "198.51.100.1");
        Tally many = new Tally();
        t0 = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            int n = i;
            many.add(cpu, () -> login(base, "bench.guess." + n + "@example.org", WRONG, "198.51.100.2"));
        }
        double manySeconds = (System.nanoTime() - t0) / 1e9;

        System.out.printf("one account, 200 wrong passwords from one address in %.1f s: %d checked (401), %d refused "
                + "(429), first Retry-After %d s; the right password then: %d%n", oneSeconds, one.checked, one.refused,
                one.firstRetryAfter, right.status());
        System.out.printf("many accounts, 200 wrong passwords from one address in %.1f s: %d checked (401), %d refused "
                + "(429), first Retry-After %d s%n", manySeconds, many.checked, many.refused, many.firstRetryAfter);
        System.out.printf("allowed in the burst: per account %d guesses, then none for %d s; per address %d guesses, "
                + "then none for %d s (%.1f a minute)%n", one.checked, one.firstRetryAfter, many.checked,
                many.firstRetryAfter, many.checked * 60.0 / Math.max(1, many.firstRetryAfter + manySeconds));
        // For scale: a request that touches neither the database nor a hash (no token: 401), 200 times.
        double before = cpu.millis();
        for (int i = 0; i < 200; i++) {
            HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        double bare = (cpu.millis() - before) / 200;
        long checked = one.checked + many.checked;
        long refused = one.refused + many.refused;
        System.out.printf("server CPU (utime + stime, %d ticks a second): %.1f ms per checked attempt (n=%d), %.2f ms "
                + "per refused attempt (n=%d): %.0f x less%n", ticksPerSecond, (one.checkedMs + many.checkedMs) / checked,
                checked, (one.refusedMs + many.refusedMs) / refused, refused,
                ((one.checkedMs + many.checkedMs) / checked) / Math.max(0.001, (one.refusedMs + many.refusedMs) / refused));
        System.out.printf("for scale: %.2f ms per GET /api/v1/me without a token (401, no database, no hash)%n", bare);
    }

    static void sustained(String base, int seconds, int scale) throws Exception {
        double policyMinutes = seconds * scale / 60.0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long forgetMillis = 15 * 60_000L / scale + 200;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Callable<Integer>> attackers = List.of(
                () -> attack(base, end, i -> "eager.target@example.org", "203.0.113.1", 0),
                () -> attack(base, end, i -> "paced.target@example.org", "203.0.113.2", forgetMillis),
                () -> attack(base, end, i -> "spray." + i + "@example.org", "203.0.113.3", 0));
        List<Future<Integer>> results = new ArrayList<>();
        for (Callable<Integer> a : attackers) {
            results.add(pool.submit(a));
        }
        String[] names = {"one account, retrying as soon as allowed",
                "one account, pausing until its failures are forgotten",
                "one address, a new account each time"};
        System.out.printf("sustained: %d s with the policy's times divided by %d (%.0f policy minutes)%n", seconds,
                scale, policyMinutes);
        for (int i = 0; i < 3; i++) {
            int guesses = results.get(i).get();
            System.out.printf("  %-55s %4d guesses: %.1f an hour, %.2f a minute%n", names[i], guesses,
                    guesses * 60 / policyMinutes, guesses / policyMinutes);
        }
        pool.shutdown();
    }

    /** Sends wrong passwords until the end, sleeping out each Retry-After (plus {@code pause}); answers the checks. */
    static int attack(String base, long end, java.util.function.IntFunction<String> email, String address, long pause)
            throws Exception {
        int guesses = 0;
        for (int i = 0; System.nanoTime() < end; i++) {
            Answer a = login(base, email.apply(i), WRONG, address);
            if (a.status() == 401) {
                guesses++;
            } else if (a.status() == 429) {
                long millis = a.retryAfter() * 1000 + pause;
                long left = (end - System.nanoTime()) / 1_000_000;
                if (millis >= left) {
                    break;
                }
                Thread.sleep(millis);
            } else {
                throw new IllegalStateException("unexpected status " + a.status());
            }
        }
        return guesses;
    }

    static Answer login(String base, String email, String password, String address) throws Exception {
        String json = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L));
    }

    /** Counts and server CPU per kind of answer. */
    static final class Tally {
        long checked;
        long refused;
        double checkedMs;
        double refusedMs;
        long firstRetryAfter;

        void add(Cpu cpu, Callable<Answer> call) throws Exception {
            double before = cpu.millis();
            Answer a = call.call();
            double spent = cpu.millis() - before;
            if (a.status() == 401) {
                checked++;
                checkedMs += spent;
            } else if (a.status() == 429) {
                refused++;
                refusedMs += spent;
                if (firstRetryAfter == 0) {
                    firstRetryAfter = a.retryAfter();
                }
            } else {
                throw new IllegalStateException("unexpected status " + a.status());
            }
        }
    }

    /** The server process's CPU time so far (user + system), from /proc/PID/stat. */
    record Cpu(long pid, int ticksPerSecond) {
        double millis() throws Exception {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000.0 / ticksPerSecond;
        }

        /** Waits (two minutes at most) until the server spends under 5% of a core: start-up work is done. */
        void settle() throws Exception {
            for (int i = 0; i < 120; i++) {
                double before = millis();
                Thread.sleep(1000);
                if (millis() - before < 50) {
                    return;
                }
            }
        }
    }
}
