package io.berth.distribution.config;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Checks that a CIDR block is well formed, so that a typo is a config error and not a failed AWS call. */
final class CidrSyntax {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
    private static final Pattern IPV6 = Pattern.compile("([0-9a-fA-F:]+)/(\\d{1,3})");

    private CidrSyntax() {
    }

    /** Returns what is wrong with the block, or null when it is a valid IPv4 or IPv6 CIDR block. */
    static String problem(String text) {
        if (text == null || text.isBlank()) {
            return "it is empty";
        }
        var ipv4 = IPV4.matcher(text);
        if (ipv4.matches()) {
            return ipv4Problem(ipv4);
        }
        var ipv6 = IPV6.matcher(text);
        if (ipv6.matches() && text.contains(":")) {
            return ipv6Problem(ipv6.group(1), Integer.parseInt(ipv6.group(2)));
        }
        return "it is not an IPv4 or IPv6 address with a /prefix";
    }

    private static String ipv4Problem(java.util.regex.Matcher match) {
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(match.group(i));
            if (octet > 255) {
                return "octet " + octet + " is above 255";
            }
            address = (address << 8) | octet;
        }
        int prefix = Integer.parseInt(match.group(5));
        if (prefix > 32) {
            return "prefix /" + prefix + " is above /32";
        }
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        if ((address & ~mask & 0xFFFFFFFFL) != 0) {
            long network = address & mask;
            return "host bits are set; the block's network address is " + (network >> 24) + "." + ((network >> 16) & 0xFF)
                    + "." + ((network >> 8) & 0xFF) + "." + (network & 0xFF) + "/" + prefix;
        }
        return null;
    }

    private static String ipv6Problem(String address, int prefix) {
        if (prefix > 128) {
            return "prefix /" + prefix + " is above /128";
        }
        try {
            // A literal of hex digits and colons only: InetAddress parses it without a name look-up.
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return "it is not an IPv6 address";
            }
            BigInteger value = new BigInteger(1, bytes);
            BigInteger hostBits = BigInteger.ONE.shiftLeft(128 - prefix).subtract(BigInteger.ONE);
            return value.and(hostBits).signum() == 0 ? null : "host bits are set for prefix /" + prefix;
        } catch (UnknownHostException e) {
            return "it is not an IPv6 address";
        }
    }
}
