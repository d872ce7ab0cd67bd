package io.berth.rules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the regular files of a POSIX (ustar) tar stream, which is all that an OPA bundle needs:
 * a bundle has a handful of small members, so a library for the whole format is not worth its
 * weight. Member names lose a leading {@code /} or {@code ./}.
 */
final class TarReader {

    private static final int BLOCK = 512;
    /** Members larger than this are rejected, so a corrupt size field cannot exhaust the heap. */
    private static final long MAX_MEMBER_BYTES = 256L * 1024 * 1024;

    private TarReader() {
    }

    static Map<String, byte[]> readFiles(InputStream tar) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] header = new byte[BLOCK];
        String longName = null;
        while (readBlock(tar, header)) {
            if (isZeroBlock(header)) {
                return files;
            }
            verifyChecksum(header);
            long size = parseOctal(header, 124, 12);
            if (size < 0 || size > MAX_MEMBER_BYTES) {
                throw new IOException("tar member with an invalid size " + size);
            }
            char type = (char) header[156];
            byte[] content = tar.readNBytes((int) size);
            if (content.length != size) {
                throw new IOException("tar archive ends inside a member");
            }
            skipPadding(tar, size);

            String name = longName != null ? longName : memberName(header);
            longName = null;
            switch (type) {
                case '0', '\0' -> files.put(normalize(name), content);
                // GNU long name: the next member's name is the content of this one.
                case 'L' -> longName = cString(content, 0, content.length);
                // Directories, links and PAX headers carry nothing a bundle needs.
                default -> {
                }
            }
        }
        throw new IOException("tar archive ends without its end-of-archive blocks");
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, BLOCK);
        if (read == 0) {
            return false;
        }
        if (read != BLOCK) {
            throw new IOException("tar archive ends inside a header");
        }
        return true;
    }

    private static void skipPadding(InputStream in, long size) throws IOException {
        long padding = (BLOCK - size % BLOCK) % BLOCK;
        try {
            in.skipNBytes(padding);
        } catch (java.io.EOFException e) {
            throw new IOException("tar archive ends inside the padding of a member", e);
        }
    }

    private static boolean isZeroBlock(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** Verifies the header checksum, which counts the checksum field itself as eight spaces. */
    private static void verifyChecksum(byte[] header) throws IOException {
        long expected = parseOctal(header, 148, 8);
        long actual = 0;
        for (int i = 0; i < BLOCK; i++) {
            actual += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xff);
        }
        if (actual != expected) {
            throw new IOException("tar header checksum mismatch");
        }
    }

    private static String memberName(byte[] header) {
        String name = cString(header, 0, 100);
        boolean ustar = cString(header, 257, 6).startsWith("ustar");
        String prefix = ustar ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String normalize(String name) {
        if (name.startsWith("./")) {
            return name.substring(2);
        }
        return name.startsWith("/") ? name.substring(1) : name;
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long parseOctal(byte[] bytes, int offset, int length) throws IOException {
        long value = 0;
        boolean digits = false;
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == 0 || (b == ' ' && digits)) {
                break;
            }
            if (b == ' ') {
                continue;
            }
            if (b < '0' || b > '7') {
                throw new IOException("tar header has a non-octal number field");
            }
            value = value * 8 + (b - '0');
            digits = true;
        }
        return value;
    }
}
