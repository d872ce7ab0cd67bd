package io.berth.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.berth.api.RuleEvaluationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A rule bundle compiled by {@code opa build --target wasm}: a gzipped tar with
 * {@code /policy.wasm}, {@code /data.json} and {@code /.manifest}. Other members, such as Rego
 * sources, are ignored.
 *
 * @param source     where the bundle was read from, for messages
 * @param policyWasm the compiled module
 * @param dataJson   the data document passed to every evaluation, {@code {}} when the bundle has none
 * @param manifest   the parsed {@code .manifest}, or a missing node when the bundle has none
 */
public record CompiledBundle(String source, byte[] policyWasm, byte[] dataJson, JsonNode manifest) {

    static final String REBUILD_DEFAULT = "rebuild it with policies/build.sh (needs .tools/bin/opa, installed by"
            + " integration-tests/scripts/install-tools.sh)";

    /** Reads a bundle file; a missing or unreadable file is a {@link RuleEvaluationException} naming it. */
    public static CompiledBundle read(Path file, String fix) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new RuleEvaluationException("the compiled rule bundle " + file + " does not exist", fix, e);
        } catch (IOException e) {
            throw new RuleEvaluationException("the compiled rule bundle " + file + " could not be read: "
                    + e.getMessage(), fix, e);
        }
        return read(file.toString(), new ByteArrayInputStream(bytes), fix);
    }

    /** Reads a bundle from a stream, naming {@code source} in every error. */
    public static CompiledBundle read(String source, InputStream gzippedTar, String fix) {
        Map<String, byte[]> members;
        try (InputStream tar = new GZIPInputStream(gzippedTar)) {
            members = TarReader.readFiles(tar);
        } catch (IOException e) {
            throw new RuleEvaluationException("the compiled rule bundle " + source
                    + " is not a valid gzipped tar archive: " + e.getMessage(), fix, e);
        }

        byte[] wasm = members.get("policy.wasm");
        if (wasm == null) {
            throw new RuleEvaluationException("the compiled rule bundle " + source + " contains no policy.wasm,"
                    + " so it was not built with opa build --target wasm", fix);
        }
        byte[] data = members.getOrDefault("data.json", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        JsonNode manifest = MissingNode.getInstance();
        byte[] manifestBytes = members.get(".manifest");
        if (manifestBytes != null) {
            try {
                manifest = Json.MAPPER.readTree(manifestBytes);
            } catch (IOException e) {
                throw new RuleEvaluationException("the .manifest in the compiled rule bundle " + source
                        + " is not valid JSON: " + e.getMessage(), fix, e);
            }
        }
        return new CompiledBundle(source, wasm, data, manifest);
    }
}
