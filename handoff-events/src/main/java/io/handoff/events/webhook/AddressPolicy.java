package io.handoff.events.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a webhook may connect to an address. Anything that is not a public unicast address
 * is refused (loopback, private, link-local including the cloud metadata address 169.254.169.254,
 * carrier-grade NAT, multicast, IPv6 local ranges), unless an operator put it on the allow-list.
 *
 * <p>The check runs on the address actually being connected to, so a name that resolves to an
 * internal address (or starts to, as in DNS rebinding) is refused as well. IPv6 addresses that carry an
 * IPv4 address (mapped, compatible, translated, NAT64, 6to4 and Teredo) are judged by the IPv4 address
 * they reach. A refusal names the kind of address, never the address itself: it is shown to whoever
 * saved the URL, who must not learn what an internal name resolves to.
 */
public final class AddressPolicy {

    private final List<Cidr> allowed;

    public AddressPolicy(List<Cidr> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** A policy from configured ranges such as {@code 127.0.0.0/8}; blank entries are ignored. */
    public static AddressPolicy allowing(List<String> networks) {
        return new AddressPolicy(networks.stream().filter(s -> !s.isBlank()).map(s -> Cidr.parse(s.trim())).toList());
    }

    /** Why the address is refused, or empty when a webhook may connect to it. */
    public Optional<String> refusal(InetAddress address) {
        for (Cidr cidr : allowed) {
            if (cidr.contains(address)) {
                return Optional.empty();
            }
        }
        String kind = classify(address);
        return kind == null ? Optional.empty()
                : Optional.of("a " + kind + " address; webhooks may only reach public addresses");
    }

    /** The kind of non-public address, or null for a public one. */
    static String classify(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            String embedded = classifyEmbeddedV4(v6.getAddress());
            if (embedded != null) {
                return embedded.isEmpty() ? null : embedded;
            }
        }
        if (address.isAnyLocalAddress()) {
            return "wildcard";
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "reserved (0.0.0.0/8)";
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return "carrier-grade NAT";
            }
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
                return "IETF protocol assignment";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "benchmarking";
            }
            if (first >= 240) {
                return "reserved";
            }
            return null;
        }
        int top = b[0] & 0xff;
        if ((top & 0xfe) == 0xfc) {
            return "unique local (IPv6)";
        }
        if (top == 0xfe && ((b[1] & 0xc0) == 0xc0)) {
            return "site-local (IPv6)";
        }
        return null;
    }

    /**
     * The verdict on the IPv4 address an IPv6 form carries, {@code ""} for a public one, or null when the
     * address carries none. Each form reaches its IPv4 address by a different road (a dual-stack socket, a
     * translator, a tunnel), and each would otherwise be a way around the IPv4 rules.
     */
    private static String classifyEmbeddedV4(byte[] b) {
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return orPublic(classify(toV4(b, 12)));                  // ::ffff:a.b.c.d, mapped
        }
        if (zero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && zero(b, 10, 12)) {
            return orPublic(classify(toV4(b, 12)));                  // ::ffff:0:a.b.c.d, translated (RFC 2765)
        }
        if (zero(b, 0, 12) && !(zero(b, 12, 15) && (b[15] == 0 || b[15] == 1))) {
            return orPublic(classify(toV4(b, 12)));                  // ::a.b.c.d, compatible (deprecated); not :: or ::1
        }
        if (prefix(b, 0x00, 0x64, 0xff, 0x9b) && zero(b, 4, 12)) {
            return orPublic(classify(toV4(b, 12)));                  // 64:ff9b::/96, well-known NAT64
        }
        if (prefix(b, 0x00, 0x64, 0xff, 0x9b) && (b[4] & 0xff) == 0x00 && (b[5] & 0xff) == 0x01) {
            return "local-use NAT64 (IPv6)";                         // 64:ff9b:1::/48, a network's own translator
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return orPublic(classify(toV4(b, 2)));                   // 2002:a.b.c.d::/48, 6to4
        }
        if (prefix(b, 0x20, 0x01, 0x00, 0x00)) {                     // 2001:0::/32, Teredo: server and client
            String server = classify(toV4(b, 4));
            byte[] client = new byte[16];
            for (int i = 12; i < 16; i++) {
                client[i] = (byte) ~b[i];
            }
            String reached = server != null ? server : classify(toV4(client, 12));
            return orPublic(reached);
        }
        return null;
    }

    private static String orPublic(String kind) {
        return kind == null ? "" : kind;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean prefix(byte[] b, int... bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if ((b[i] & 0xff) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress toV4(byte[] b, int offset) {
        try {
            return InetAddress.getByAddress(new byte[]{b[offset], b[offset + 1], b[offset + 2], b[offset + 3]});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
