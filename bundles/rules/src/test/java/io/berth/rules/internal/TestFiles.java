package io.berth.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the repository files the tests read. */
final class TestFiles {

    static final Path ROOT = Path.of(System.getProperty("berth.root", "../..")).toAbsolutePath().normalize();
    static final Path POLICIES = ROOT.resolve("policies");
    static final Path DEFAULT_BUNDLE = POLICIES.resolve("bundle.tar.gz");
    static final Path SAMPLE_INPUT = POLICIES.resolve("examples/input.json");
    static final Path SAMPLE_FINDINGS = POLICIES.resolve("examples/findings.json");
    static final Path TEST_BUNDLES = Path.of("src/test/resources").toAbsolutePath();

    private TestFiles() {
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
