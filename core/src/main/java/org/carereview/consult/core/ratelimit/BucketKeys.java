package org.carereview.consult.core.ratelimit;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.carereview.consult.core.crypto.KeyedHash;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The row key of a client's counter: {@code bucket + ":" + 32 hex characters}, a keyed hash (HMAC-SHA256)
 * of the client's network, never the address itself. A plain SHA-256 of an IPv4 address is undone by
 * hashing all 2^32 of them, so the hash is keyed with a key derived from the JWT secret, which every node
 * shares. IPv6 clients are counted per /64 (one household or phone usually has a whole /64, so counting
 * single addresses would let one client rotate through millions of them).
 */
@Singleton
public class BucketKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final int HEX_CHARS = 32;
    private static final byte[] PURPOSE = "consult rate-limit bucket key v1".getBytes(StandardCharsets.UTF_8);
    /** Only strings of these characters are parsed as IPv6 literals: nothing here can start a DNS lookup. */
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private final KeyedHash hash;

    BucketKeys(@Nullable @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret:}") String secret) {
        // Start-up refuses a missing secret outside the single-node demo mode, where a random key does as well.
        byte[] root = secret == null || secret.isEmpty() ? randomKey() : secret.getBytes(StandardCharsets.UTF_8);
        this.hash = new KeyedHash(new KeyedHash(root).of(PURPOSE));
    }

    /** The key of a client's counter in {@code bucket}: its network (IPv6 per /64), hashed with the shared key. */
    public String key(String bucket, String clientAddress) {
        return keyOfValue(bucket, network(clientAddress));
    }

    /**
     * The key of any other value's counter in {@code bucket} (say, a normalised email address), hashed as it is
     * with the shared key, so every node makes the same key and no one can undo it by hashing guesses.
     */
    public String keyOfValue(String bucket, String value) {
        byte[] digest = hash.of(value);
        return bucket + ":" + HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
    }

    /** The address as counted: IPv4 as it is, IPv6 as its /64 prefix, anything else (a bad header) as sent. */
    static String network(String address) {
        String plain = address.strip();
        int zone = plain.indexOf('%');
        if (zone >= 0) {
            plain = plain.substring(0, zone);
        }
        if (plain.indexOf(':') < 0 || !IPV6_LITERAL.matcher(plain).matches()) {
            return plain;
        }
        try {
            InetAddress parsed = InetAddress.getByName(plain);
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress();
            }
            byte[] bytes = parsed.getAddress();
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            // Not a valid IPv6 literal (a malformed forwarded header): count the string as it was sent.
            return plain;
        }
    }

    private static byte[] randomKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
