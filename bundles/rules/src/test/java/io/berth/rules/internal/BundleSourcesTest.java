package io.berth.rules.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.api.RuleEvaluationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleSourcesTest {

    @TempDir
    Path folder;

    @Test
    void committedBundleMatchesItsRegoSources() {
        CompiledBundle bundle = CompiledBundle.read(TestFiles.DEFAULT_BUNDLE, "rebuild");

        // Fails when policies/berth or policies/data changed without running policies/build.sh.
        assertDoesNotThrow(() -> BundleSources.requireCurrent(TestFiles.DEFAULT_BUNDLE, bundle.manifest(),
                CompiledBundle.REBUILD_DEFAULT));
    }

    @Test
    void changedRuleMakesTheBundleStale() throws IOException {
        Path bundle = copyPolicies();
        Files.writeString(folder.resolve("policies/berth/network.rego"), "\n# changed\n",
                java.nio.file.StandardOpenOption.APPEND);

        RuleEvaluationException error = assertThrows(RuleEvaluationException.class,
                () -> BundleSources.requireCurrent(bundle, CompiledBundle.read(bundle, "").manifest(),
                        CompiledBundle.REBUILD_DEFAULT));

        assertEquals("the compiled rule bundle " + bundle + " is older than its Rego sources: berth/network.rego changed",
                error.getMessage());
        assertTrue(error.fix().contains("policies/build.sh"), error.fix());
    }

    @Test
    void addedAndRemovedFilesMakeTheBundleStale() throws IOException {
        Path bundle = copyPolicies();
        Files.writeString(folder.resolve("policies/berth/extra.rego"), "package berth.rules.extra\n");
        Files.delete(folder.resolve("policies/berth/tags.rego"));

        RuleEvaluationException error = assertThrows(RuleEvaluationException.class,
                () -> BundleSources.requireCurrent(bundle, CompiledBundle.read(bundle, "").manifest(), "rebuild"));

        assertTrue(error.getMessage().endsWith("berth/extra.rego is new, berth/tags.rego was removed"), error.getMessage());
    }

    @Test
    void changedTestFileKeepsTheBundleCurrent() throws IOException {
        Path bundle = copyPolicies();
        Files.writeString(folder.resolve("policies/berth/network_test.rego"), "\n# changed\n",
                java.nio.file.StandardOpenOption.APPEND);

        assertDoesNotThrow(() -> BundleSources.requireCurrent(bundle, CompiledBundle.read(bundle, "").manifest(), "rebuild"));
    }

    @Test
    void bundleWithoutHashesIsComparedByTime() throws IOException {
        Path bundle = Files.copy(TestFiles.TEST_BUNDLES.resolve("sprintf.tar.gz"), folder.resolve("bundle.tar.gz"));
        Path rule = Files.writeString(folder.resolve("rules.rego"), "package berth\n");
        Files.setLastModifiedTime(bundle, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
        Files.setLastModifiedTime(rule, FileTime.from(Instant.parse("2024-01-02T00:00:00Z")));

        RuleEvaluationException error = assertThrows(RuleEvaluationException.class,
                () -> BundleSources.requireCurrent(bundle, CompiledBundle.read(bundle, "").manifest(), "rebuild"));

        assertTrue(error.getMessage().endsWith("older than its Rego sources: rules.rego is newer"), error.getMessage());
    }

    /** Copies policies/berth, policies/data and the bundle to the temporary folder; returns the bundle's path there. */
    private Path copyPolicies() throws IOException {
        Path target = folder.resolve("policies");
        for (String sub : new String[] {"berth", "data"}) {
            Path source = TestFiles.POLICIES.resolve(sub);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(sub).resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return Files.copy(TestFiles.DEFAULT_BUNDLE, target.resolve("bundle.tar.gz"));
    }
}
