package io.berth.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.InvalidConfigException;
import io.berth.api.RuleEvaluationException;
import io.berth.api.config.RulesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates compiled rule bundles in-process with {@link WasmPolicy}: the default bundle, and
 * for each folder of {@code rules.paths} the bundle {@code <folder>/bundle.tar.gz} that
 * {@code policies/build.sh} compiles from the default rules and that folder together.
 *
 * <p>A module is loaded once and used again until its bundle file or the sources next to it
 * change. Each load checks that the bundle is not older than those sources.
 */
public final class EmbeddedEngine {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngine.class);

    static final String ENTRYPOINT = "berth/findings";
    static final String EXTRA_BUNDLE_NAME = "bundle.tar.gz";

    private final DefaultBundle defaultBundle;
    private final Map<Path, Loaded> loaded = new ConcurrentHashMap<>();
    private volatile Loaded defaultPolicy;

    private record Loaded(String stamp, WasmPolicy policy, CompiledBundle bundle) {
    }

    /**
     * The source of the default rules: a file, checked against the Rego sources next to it, or
     * a resource shipped inside this bundle, which has no sources to check against.
     */
    public sealed interface DefaultBundle {
        record File(Path path) implements DefaultBundle {
        }

        record Resource(String name, Class<?> owner) implements DefaultBundle {
        }
    }

    public EmbeddedEngine(DefaultBundle defaultBundle) {
        this.defaultBundle = Objects.requireNonNull(defaultBundle, "defaultBundle");
    }

    /** Releases the loaded modules; the engine must not be used afterwards. */
    public void close() {
        loaded.values().forEach(entry -> entry.policy().close());
        loaded.clear();
        Loaded defaults = defaultPolicy;
        if (defaults != null) {
            defaults.policy().close();
        }
    }

    /** Waits until every loaded module runs as JVM bytecode; for benchmarks. */
    void awaitCompiled() {
        loaded.values().forEach(entry -> entry.policy().awaitCompiled());
        Loaded defaults = defaultPolicy;
        if (defaults != null) {
            defaults.policy().awaitCompiled();
        }
    }

    /** Evaluates every bundle on the input and returns the results: the default's first, then one per extra folder. */
    public List<JsonNode> evaluate(byte[] inputJson, RulesConfig rules) {
        Loaded defaults = defaultPolicy();
        List<Loaded> policies = new ArrayList<>();
        policies.add(defaults);
        for (String folder : rules.paths()) {
            policies.add(extraPolicy(folder, defaults.bundle()));
        }

        List<JsonNode> results = new ArrayList<>();
        for (Loaded policy : policies) {
            results.add(policy.policy().evaluate(inputJson));
        }
        return results;
    }

    private Loaded defaultPolicy() {
        if (defaultBundle instanceof DefaultBundle.File file) {
            return loadFile(file.path(), CompiledBundle.REBUILD_DEFAULT, null);
        }
        Loaded current = defaultPolicy;
        if (current == null) {
            DefaultBundle.Resource resource = (DefaultBundle.Resource) defaultBundle;
            CompiledBundle bundle = readResource(resource);
            current = new Loaded("", new WasmPolicy(bundle, ENTRYPOINT), bundle);
            defaultPolicy = current;
            LOG.debug("loaded the default company rules from {}", bundle.source());
        }
        return current;
    }

    private Loaded extraPolicy(String folder, CompiledBundle defaults) {
        Path directory = Path.of(folder);
        if (!Files.isDirectory(directory)) {
            throw new InvalidConfigException("rules.paths", "the rule folder " + folder + " does not exist",
                    "list folders of company Rego under rules.paths in berth.yaml");
        }
        Path bundle = directory.resolve(EXTRA_BUNDLE_NAME);
        String fix = "compile the folder with: policies/build.sh --output " + bundle + " " + directory;
        return loadFile(bundle, fix, defaults);
    }

    /** Loads a bundle file unless the cached module is still current. */
    private Loaded loadFile(Path file, String fix, CompiledBundle defaults) {
        Path key = file.toAbsolutePath().normalize();
        String stamp = BundleSources.stamp(key);
        Loaded cached = loaded.get(key);
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached;
        }

        CompiledBundle bundle = CompiledBundle.read(file, fix);
        BundleSources.requireCurrent(file, bundle.manifest(), fix);
        if (defaults != null) {
            requireSameDefaults(bundle, defaults, fix);
        }
        Loaded fresh = new Loaded(stamp, new WasmPolicy(bundle, ENTRYPOINT), bundle);
        Loaded replaced = loaded.put(key, fresh);
        if (replaced != null) {
            replaced.policy().close();
        }
        LOG.debug("loaded company rules from {}", file);
        return fresh;
    }

    /** Rejects a company bundle whose compiled-in default rules differ from the default bundle in use. */
    private static void requireSameDefaults(CompiledBundle extra, CompiledBundle defaults, String fix) {
        JsonNode extraDefaults = extra.manifest().at("/metadata/berth/defaults");
        JsonNode currentDefaults = defaults.manifest().at("/metadata/berth/defaults");
        if (extraDefaults.isTextual() && currentDefaults.isTextual() && !extraDefaults.equals(currentDefaults)) {
            throw new RuleEvaluationException("the compiled rule bundle " + extra.source()
                    + " was built with other default rules than " + defaults.source(), fix);
        }
    }

    private static CompiledBundle readResource(DefaultBundle.Resource resource) {
        String source = "the " + resource.name() + " inside the io.berth.rules bundle";
        try (InputStream in = resource.owner().getResourceAsStream(resource.name())) {
            if (in == null) {
                throw new RuleEvaluationException(source + " is missing", "rebuild the io.berth.rules bundle"
                        + " with ./mvnw install, which copies policies/bundle.tar.gz into it");
            }
            return CompiledBundle.read(source, in, "rebuild the io.berth.rules bundle with ./mvnw install");
        } catch (IOException e) {
            throw new RuleEvaluationException(source + " could not be read: " + e.getMessage(),
                    "rebuild the io.berth.rules bundle with ./mvnw install", e);
        }
    }
}
