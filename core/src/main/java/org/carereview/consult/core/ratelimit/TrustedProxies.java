package org.carereview.consult.core.ratelimit;

import io.micronaut.context.exceptions.ConfigurationException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The proxies in front of the service ({@code consult.trusted-proxies}: addresses or ranges such as
 * {@code 10.0.0.0/8}, {@code 2001:db8::/32}). In {@code X-Forwarded-For} each proxy appends the address it got the
 * request from, so the client is the right-most address that is not one of ours: anything to its left was
 * written by the client and may be made up.
 */
final class TrustedProxies {

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Range> ranges;

    TrustedProxies(List<String> entries) {
        this.ranges = entries.stream().map(String::strip).filter(e -> !e.isEmpty()).map(TrustedProxies::range).toList();
    }

    /** The client's address in this {@code X-Forwarded-For} value; null when it names no address. */
    String client(String forwardedFor) {
        String[] hops = forwardedFor.split(",");
        String leftMost = null;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty()) {
                continue;
            }
            leftMost = hop;
            if (!trusted(hop)) {
                return hop;
            }
        }
        return leftMost;
    }

    private boolean trusted(String hop) {
        byte[] address = bytes(hop);
        return address != null && ranges.stream().anyMatch(r -> r.contains(address));
    }

    private static byte[] bytes(String literal) {
        if (!LITERAL.matcher(literal).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        byte[] network = bytes(slash < 0 ? entry : entry.substring(0, slash));
        if (network == null) {
            throw new ConfigurationException("consult.trusted-proxies: " + entry + " is not an address or a range");
        }
        int bits = slash < 0 ? network.length * 8 : Integer.parseInt(entry.substring(slash + 1));
        if (bits < 0 || bits > network.length * 8) {
            throw new ConfigurationException("consult.trusted-proxies: " + entry + " has a bad prefix length");
        }
        return new Range(network, bits);
    }
}
