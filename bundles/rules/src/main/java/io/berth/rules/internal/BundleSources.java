package io.berth.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.RuleEvaluationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Tells whether a compiled bundle is older than the Rego sources next to it.
 *
 * <p>{@code policies/build.sh} records in the bundle's {@code .manifest}, under
 * {@code metadata.berth.sources}, the SHA-256 of every file it compiled, by folder relative to
 * the bundle's own folder. A recorded folder that exists next to the bundle must still hold
 * exactly those files with those contents. Folders that are absent, as in a packaged
 * distribution, are not checked. A bundle without that record, such as one built by
 * {@code opa build} alone, is compared by modification time with the Rego files below its
 * folder instead.
 */
final class BundleSources {

    private BundleSources() {
    }

    /** Throws when a source folder next to the bundle differs from what the bundle was built from. */
    static void requireCurrent(Path bundleFile, JsonNode manifest, String fix) {
        Path folder = bundleFile.toAbsolutePath().getParent();
        JsonNode recorded = manifest.at("/metadata/berth/sources");
        List<String> differences = recorded.isObject()
                ? hashDifferences(folder, recorded)
                : newerRegoFiles(folder, bundleFile);
        if (!differences.isEmpty()) {
            throw new RuleEvaluationException("the compiled rule bundle " + bundleFile
                    + " is older than its Rego sources: " + summarize(differences), fix);
        }
    }

    /**
     * Returns a stamp that changes when the bundle or any source file next to it changes, so
     * that a cached module is checked and loaded again only then.
     */
    static String stamp(Path bundleFile) {
        StringBuilder stamp = new StringBuilder();
        Path folder = bundleFile.toAbsolutePath().getParent();
        try {
            appendStamp(stamp, bundleFile);
            for (Path source : sourceFiles(folder)) {
                appendStamp(stamp, source);
            }
        } catch (IOException | UncheckedIOException e) {
            // An unreadable file is reported by the load that follows a changed stamp.
            stamp.append("unreadable");
        }
        return stamp.toString();
    }

    private static void appendStamp(StringBuilder stamp, Path file) throws IOException {
        stamp.append(file).append(':').append(Files.size(file)).append(':')
                .append(Files.getLastModifiedTime(file).toMillis()).append(';');
    }

    private static List<String> hashDifferences(Path folder, JsonNode recorded) {
        List<String> differences = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = recorded.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Path sources = folder.resolve(entry.getKey()).normalize();
            if (!Files.isDirectory(sources)) {
                continue;
            }
            Map<String, String> current = hashes(sources);
            Map<String, String> built = new TreeMap<>();
            entry.getValue().fields().forEachRemaining(file -> built.put(file.getKey(), file.getValue().asText()));

            String relativeFolder = folder.relativize(sources).toString();
            String prefix = relativeFolder.isEmpty() ? "" : relativeFolder + "/";
            for (Map.Entry<String, String> file : current.entrySet()) {
                String before = built.get(file.getKey());
                if (before == null) {
                    differences.add(prefix + file.getKey() + " is new");
                } else if (!before.equals(file.getValue())) {
                    differences.add(prefix + file.getKey() + " changed");
                }
            }
            for (String file : built.keySet()) {
                if (!current.containsKey(file)) {
                    differences.add(prefix + file + " was removed");
                }
            }
        }
        return differences;
    }

    private static List<String> newerRegoFiles(Path folder, Path bundleFile) {
        List<String> newer = new ArrayList<>();
        try {
            long built = Files.getLastModifiedTime(bundleFile).toMillis();
            for (Path source : sourceFiles(folder)) {
                if (source.toString().endsWith(".rego") && Files.getLastModifiedTime(source).toMillis() > built) {
                    newer.add(folder.relativize(source) + " is newer");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return newer;
    }

    /** SHA-256 of the files {@code opa build} compiles from a folder, by path relative to it. */
    private static Map<String, String> hashes(Path folder) {
        Map<String, String> hashes = new TreeMap<>();
        for (Path file : sourceFiles(folder)) {
            try {
                String digest = HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(file)));
                hashes.put(folder.relativize(file).toString().replace('\\', '/'), digest);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return hashes;
    }

    /** Rego files other than tests, and data files, below a folder. */
    private static List<Path> sourceFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        return !name.endsWith("_test.rego") && (name.endsWith(".rego") || name.endsWith(".json")
                                || name.endsWith(".yaml") || name.endsWith(".yml"));
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private static String summarize(List<String> differences) {
        int shown = Math.min(differences.size(), 5);
        String list = String.join(", ", differences.subList(0, shown));
        return differences.size() > shown ? list + " and " + (differences.size() - shown) + " more" : list;
    }
}
