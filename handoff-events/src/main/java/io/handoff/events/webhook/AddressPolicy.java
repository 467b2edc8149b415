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
 * internal address (or starts to, as in DNS rebinding) is refused as well.
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
                : Optional.of(address.getHostAddress() + " is a " + kind + " address; webhooks may only reach public addresses");
    }

    /** The kind of non-public address, or null for a public one. */
    static String classify(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            if (isV4Mapped(b)) {
                return classify(toV4(b, 12));
            }
            if (isNat64(b)) {
                return classify(toV4(b, 12));
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

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    /** 64:ff9b::/96, where NAT64 gateways map IPv4 addresses. */
    private static boolean isNat64(byte[] b) {
        if ((b[0] & 0xff) != 0x00 || (b[1] & 0xff) != 0x64 || (b[2] & 0xff) != 0xff || (b[3] & 0xff) != 0x9b) {
            return false;
        }
        for (int i = 4; i < 12; i++) {
            if (b[i] != 0) {
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
