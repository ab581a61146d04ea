package org.carereview.consult.core.ratelimit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Fixed one-minute windows of public posts per client address, counted in PostgreSQL so that every node
 * shares them. Call {@link #check} before creating anything: a refused post throws
 * {@link RateLimitedException} and so stores nothing. Outside a transaction every hit is committed at once,
 * refused ones included; inside one (say, within {@code Idempotency.run}) the hit joins it, so a post that
 * is refused or fails later leaves no count. The counter's row stays locked until that transaction ends, so posts
 * from one address (a school, a council, a phone network's shared address) wait for each other: a post that
 * writes in a transaction counts with {@link #counted}, which refuses a full window before any work and counts
 * the hit after the work, so the row is locked only while the post commits.
 * Which windows are full is known on each node from its own counts ({@link FullWindows}): the database's count, taken
 * as each hit is written, stays the only truth, so a post that another node filled the window for is still refused,
 * only after its work (which its transaction then rolls back), and from then on this node refuses before any work.
 * A limit of {@code 0} turns the check off: nothing is read or written.
 */
@Singleton
public class RateLimiter {

    /** Counters older than this are purged. */
    static final Duration KEEP = Duration.ofMinutes(10);
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

    private final RateLimitStore store;
    private final BucketKeys keys;
    private final RateLimitConfiguration config;
    private final Clock clock;
    private final TrustedProxies proxies;
    private final FullWindows fullWindows = new FullWindows();

    RateLimiter(RateLimitStore store, BucketKeys keys, RateLimitConfiguration config, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.config = config;
        this.clock = clock;
        this.proxies = new TrustedProxies(config.trustedProxies() == null ? List.of() : config.trustedProxies());
    }

    /** The configured limit per client address per minute ({@code consult.rate-limit-per-minute}); 0 is off. */
    public int limitPerMinute() {
        return config.rateLimitPerMinute();
    }

    /** Counts this request against {@code bucket} at the configured limit. */
    public void check(String bucket, HttpRequest<?> request) {
        check(bucket, clientAddress(request), config.rateLimitPerMinute());
    }

    /**
     * Runs {@code work} (in the caller's transaction) and counts it against {@code bucket} at the configured limit:
     * refused at once, counting and doing nothing, when the window is already full; counted after the work, so a
     * post that fails leaves no count and the window's row is locked only from the count to the commit.
     *
     * @throws RateLimitedException when the window is full (then nothing was done), or this post went over the limit
     *                              (then the caller's transaction must roll back what it did)
     */
    public <T> T counted(String bucket, HttpRequest<?> request, java.util.function.Supplier<T> work) {
        return counted(bucket, clientAddress(request), work);
    }

    /** As {@link #counted(String, HttpRequest, java.util.function.Supplier)}, for a client address. */
    public <T> T counted(String bucket, String client, java.util.function.Supplier<T> work) {
        Instant now = clock.instant();
        if (full(bucket, client, now)) {
            throw new RateLimitedException(secondsUntil(now, now.truncatedTo(ChronoUnit.MINUTES).plus(WINDOW)));
        }
        T done = work.get();
        check(bucket, client, config.rateLimitPerMinute());
        return done;
    }

    /**
     * Whether this client's window for {@code bucket} is known on this node to be full at the configured limit, for a
     * caller about to do costly work before {@link #counted}: nothing is read or counted. A window another node filled
     * is not known here until this node's own count finds it full (then the post is refused after its work).
     */
    public boolean full(String bucket, HttpRequest<?> request) {
        return full(bucket, clientAddress(request), clock.instant());
    }

    boolean full(String bucket, String client, Instant now) {
        return config.rateLimitPerMinute() > 0
                && fullWindows.isFull(keys.key(bucket, client), now.truncatedTo(ChronoUnit.MINUTES));
    }

    /**
     * The key a post from this request counts against in {@code bucket} at the configured limit, for {@link #countAll};
     * null when the limit is off.
     */
    @Nullable
    public String countKey(String bucket, HttpRequest<?> request) {
        return config.rateLimitPerMinute() == 0 ? null : keys.key(bucket, clientAddress(request));
    }

    /**
     * Counts one post against each key ({@link #countKey}; a key given twice counts twice) with one statement, in the
     * caller's transaction, after the posts' work, as {@link #counted} counts one.
     *
     * @throws RateLimitedException when a window went over the configured limit (the caller's transaction must then
     *                              roll back, and each post be counted on its own to find which are refused)
     */
    public void countAll(List<String> countKeys) {
        if (countKeys.isEmpty() || config.rateLimitPerMinute() == 0) {
            return;
        }
        Instant now = clock.instant();
        Instant windowStart = now.truncatedTo(ChronoUnit.MINUTES);
        SortedMap<String, Integer> hits = new TreeMap<>();
        countKeys.forEach(key -> hits.merge(key, 1, Integer::sum));
        Map<String, Integer> totals = store.hitAll(hits, windowStart);
        boolean over = false;
        for (Map.Entry<String, Integer> total : totals.entrySet()) {
            if (total.getValue() >= config.rateLimitPerMinute()) {
                fullWindows.filled(total.getKey(), windowStart);
            }
            over |= total.getValue() > config.rateLimitPerMinute();
        }
        if (over) {
            throw new RateLimitedException(secondsUntil(now, windowStart.plus(WINDOW)));
        }
    }

    /** Counts this request against {@code bucket} at a limit of its own (0 turns this bucket off). */
    public void check(String bucket, HttpRequest<?> request, int limitPerMinute) {
        check(bucket, clientAddress(request), limitPerMinute);
    }

    /** Counts one hit from this client address against {@code bucket} at the configured limit. */
    public void check(String bucket, String clientAddress) {
        check(bucket, clientAddress, config.rateLimitPerMinute());
    }

    /**
     * Counts one hit from this client address against {@code bucket}, allowing {@code limitPerMinute} hits
     * per window (0 turns this bucket off). With the configured limit at 0 every bucket is off, so a load
     * test or a proxy that limits instead sees no rate limiting anywhere.
     *
     * @throws RateLimitedException when this hit is beyond the limit
     */
    public void check(String bucket, String clientAddress, int limitPerMinute) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("a rate limit bucket needs a name");
        }
        if (limitPerMinute < 0) {
            throw new IllegalArgumentException("a rate limit is 0 (off) or more, not " + limitPerMinute);
        }
        if (config.rateLimitPerMinute() == 0 || limitPerMinute == 0) {
            return;
        }
        Instant now = clock.instant();
        Instant windowStart = now.truncatedTo(ChronoUnit.MINUTES);
        String key = keys.key(bucket, clientAddress);
        int hits = store.hit(key, windowStart);
        if (hits >= config.rateLimitPerMinute()) {
            fullWindows.filled(key, windowStart);
        }
        if (hits > limitPerMinute) {
            long retryAfter = secondsUntil(now, windowStart.plus(WINDOW));
            LOG.debug("Refused a post to rate limit bucket {}: over {} a minute", bucket, limitPerMinute);
            throw new RateLimitedException(retryAfter);
        }
    }

    /**
     * The client's address: the connection's peer, or with {@code consult.trust-forwarded-for=true} (the peer is our
     * proxy) the right-most address in {@code X-Forwarded-For} that is not one of {@code consult.trusted-proxies}.
     * Entries to the left of it were written by the client, so a client cannot choose its own bucket, and clients
     * behind one proxy are not all one client.
     */
    public String clientAddress(HttpRequest<?> request) {
        if (config.trustForwardedFor()) {
            String forwarded = request.getHeaders().get(FORWARDED_FOR);
            String client = forwarded == null ? null : proxies.client(forwarded);
            if (client != null) {
                return client;
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress address = remote.getAddress();
        return address != null ? address.getHostAddress() : remote.getHostString();
    }

    /** Deletes counters of windows that started more than ten minutes ago; answers how many. */
    public int purgeExpired() {
        return store.deleteBefore(clock.instant().minus(KEEP));
    }

    private static long secondsUntil(Instant now, Instant end) {
        long millis = Duration.between(now, end).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
