package io.berth.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.api.RuleEvaluationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompiledBundleTest {

    @TempDir
    Path folder;

    @Test
    void committedBundleHasModuleDataAndManifest() {
        CompiledBundle bundle = CompiledBundle.read(TestFiles.DEFAULT_BUNDLE, "rebuild");

        assertTrue(bundle.policyWasm().length > 1000);
        assertEquals(TestFiles.json(TestFiles.POLICIES.resolve("data/berth.json")), TestFiles.json(new String(bundle.dataJson())));
        assertEquals("berth/findings", bundle.manifest().at("/wasm/0/entrypoint").asText());
    }

    @Test
    void missingBundleNamesTheFile() {
        Path missing = folder.resolve("bundle.tar.gz");

        RuleEvaluationException error = assertThrows(RuleEvaluationException.class,
                () -> CompiledBundle.read(missing, "run policies/build.sh"));

        assertEquals("the compiled rule bundle " + missing + " does not exist", error.getMessage());
        assertEquals("run policies/build.sh", error.fix());
    }

    @Test
    void corruptBundleNamesTheFile() throws IOException {
        Path corrupt = Files.write(folder.resolve("bundle.tar.gz"), "not a bundle".getBytes());

        RuleEvaluationException error = assertThrows(RuleEvaluationException.class,
                () -> CompiledBundle.read(corrupt, "rebuild"));

        assertTrue(error.getMessage().startsWith("the compiled rule bundle " + corrupt
                + " is not a valid gzipped tar archive"), error.getMessage());
    }

    @Test
    void truncatedTarIsRejected() throws IOException {
        byte[] whole = Files.readAllBytes(TestFiles.DEFAULT_BUNDLE);
        byte[] tar = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(whole)).readAllBytes();
        Path truncated = Files.write(folder.resolve("bundle.tar.gz"), gzip(java.util.Arrays.copyOf(tar, 5000)));

        RuleEvaluationException error = assertThrows(RuleEvaluationException.class,
                () -> CompiledBundle.read(truncated, "rebuild"));

        assertTrue(error.getMessage().contains(truncated.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("ends inside"), error.getMessage());
    }

    @Test
    void bundleWithoutModuleIsRejected() throws IOException {
        // An empty tar archive is two zero blocks.
        Path empty = Files.write(folder.resolve("bundle.tar.gz"), gzip(new byte[1024]));

        RuleEvaluationException error = assertThrows(RuleEvaluationException.class,
                () -> CompiledBundle.read(empty, "rebuild"));

        assertTrue(error.getMessage().endsWith("contains no policy.wasm, so it was not built with opa build --target wasm"),
                error.getMessage());
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
