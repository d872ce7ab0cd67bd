package io.berth.network.managed;

import io.berth.api.InvalidConfigException;

/**
 * An IPv4 CIDR block.
 *
 * @param address the network address as an unsigned 32-bit value
 * @param prefix  the prefix length, 0 to 32
 */
record Ipv4Cidr(long address, int prefix) {

    /** AWS accepts VPC blocks from /16 to /28; two subnets of the smallest size (/28) need a /27. */
    static final int LARGEST_VPC_PREFIX = 16;
    static final int SMALLEST_VPC_PREFIX_FOR_TWO_SUBNETS = 27;
    static final int SMALLEST_SUBNET_PREFIX = 28;

    static Ipv4Cidr parse(String field, String text) {
        String fix = "use a private IPv4 block such as 10.42.0.0/16, between /16 and /27";
        if (text == null || text.isBlank()) {
            throw new InvalidConfigException(field, "is missing", fix);
        }
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2) {
            throw new InvalidConfigException(field, "'" + text + "' is not a CIDR block: the /prefix is missing", fix);
        }
        String[] octets = parts[0].split("\\.", -1);
        if (octets.length != 4) {
            throw new InvalidConfigException(field, "'" + text + "' is not an IPv4 address with a prefix", fix);
        }
        long address = 0;
        for (String octet : octets) {
            int value = parseNumber(field, text, octet, 255, fix);
            address = (address << 8) | value;
        }
        int prefix = parseNumber(field, text, parts[1], 32, fix);
        Ipv4Cidr cidr = new Ipv4Cidr(address, prefix);
        if ((address & ~cidr.mask()) != 0) {
            throw new InvalidConfigException(field, "'" + text + "' has host bits set: its network address is "
                    + new Ipv4Cidr(address & cidr.mask(), prefix), "use " + new Ipv4Cidr(address & cidr.mask(), prefix));
        }
        return cidr;
    }

    private static int parseNumber(String field, String text, String part, int max, String fix) {
        if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > max) {
            throw new InvalidConfigException(field, "'" + text + "' is not a valid CIDR block", fix);
        }
        return Integer.parseInt(part);
    }

    long mask() {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    long size() {
        return 1L << (32 - prefix);
    }

    boolean overlaps(Ipv4Cidr other) {
        long shortest = Math.min(prefix, other.prefix);
        long commonMask = shortest == 0 ? 0 : (0xFFFFFFFFL << (32 - shortest)) & 0xFFFFFFFFL;
        return (address & commonMask) == (other.address & commonMask);
    }

    /** The index-th block of the given prefix inside this one. */
    Ipv4Cidr subnet(int subnetPrefix, int index) {
        return new Ipv4Cidr(address + index * (1L << (32 - subnetPrefix)), subnetPrefix);
    }

    @Override
    public String toString() {
        return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF) + "."
                + (address & 0xFF) + "/" + prefix;
    }
}
