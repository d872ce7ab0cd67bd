package io.berth.distribution.config;

import io.berth.api.InvalidConfigException;
import io.berth.api.config.AdminConfig;
import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.trust.TrustPolicy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Settings that must be known before Quarkus boots, worked out from the command line and from
 * {@code berth.yaml}: the data folder, the config file, and which audit database the server opens.
 *
 * <p>Quarkus (3.33) fixes a datasource's database kind at build time, so the distribution has two named
 * datasources, {@value #EMBEDDED} (H2) and {@value #POSTGRESQL}; only their URL, credentials and
 * {@code active} flag are run-time settings, and these are set here.
 */
public final class LaunchSettings {

    /** The named datasource of the embedded H2 audit database. */
    public static final String EMBEDDED = "embedded";
    /** The named datasource of a PostgreSQL audit database. */
    public static final String POSTGRESQL = "postgresql";

    static final String DEFAULT_DATA_DIR = ".berth";

    private LaunchSettings() {
    }

    /**
     * Returns the system properties to set for one run of the executable.
     *
     * @param args        the command line
     * @param properties  the system properties already set, such as {@code -Dberth.data-dir}
     * @param environment the process environment
     * @throws InvalidConfigException when {@code serve} is given a config that is invalid
     */
    public static Map<String, String> forCommandLine(String[] args, Map<String, String> properties,
            Map<String, String> environment) {
        Map<String, String> settings = new LinkedHashMap<>();
        Path dataDir = dataDir(properties, environment);
        settings.put("berth.data-dir", dataDir.toString());

        Optional<Path> config = configOption(args).map(file -> Path.of(file).toAbsolutePath().normalize());
        config.ifPresent(file -> settings.put("berth.config", file.toString()));

        boolean serve = args.length > 0 && "serve".equals(args[0]);
        if (!serve) {
            // One-shot commands write no audit records, so they open no database.
            settings.put(active(EMBEDDED), "false");
            settings.put(active(POSTGRESQL), "false");
            return settings;
        }

        AdminConfig admin = config.map(ConfigLoader::load).map(DeploymentConfig::admin).orElse(new AdminConfig(null));
        String source = config.map(Path::toString).orElse("(no config)");
        // Reading the certificates here reports a missing one as a config error before boot.
        config.ifPresent(file -> TrustPolicy.from(admin.trust(), file.getParent()));
        settings.putAll(auditDatabase(source, admin, dataDir, environment));
        if (!properties.containsKey("quarkus.http.limits.max-body-size")) {
            // The HTTP layer's limit is an outer bound only: the admin API checks the configured
            // limits itself, so that a too-large body gets a problem document and an audit record.
            long largest = Math.max(admin.maxBodyBytes(), admin.maxBundleBytes());
            settings.put("quarkus.http.limits.max-body-size", Long.toString(largest + (1L << 20)));
        }
        return settings;
    }

    static Map<String, String> auditDatabase(String source, AdminConfig admin, Path dataDir,
            Map<String, String> environment) {
        Map<String, String> settings = new LinkedHashMap<>();
        AdminConfig.Database database = admin.database();
        if (database == null || database.url().startsWith("jdbc:h2:")) {
            String url = database == null ? "jdbc:h2:file:" + dataDir.resolve("audit") : database.url();
            settings.put(active(EMBEDDED), "true");
            settings.put(datasource(EMBEDDED) + ".jdbc.url", url);
            settings.put(active(POSTGRESQL), "false");
            return settings;
        }

        settings.put(active(EMBEDDED), "false");
        settings.put(active(POSTGRESQL), "true");
        settings.put(datasource(POSTGRESQL) + ".jdbc.url", database.url());
        if (database.username() != null) {
            settings.put(datasource(POSTGRESQL) + ".username", database.username());
        }
        if (database.passwordEnv() != null) {
            String password = environment.get(database.passwordEnv());
            if (password == null) {
                throw new InvalidConfigException(source + ": admin.database.passwordEnv",
                        "the environment variable " + database.passwordEnv() + " is not set",
                        "export " + database.passwordEnv() + " with the database password before berth serve");
            }
            settings.put(datasource(POSTGRESQL) + ".password", password);
        }
        return settings;
    }

    /** Returns the data folder: {@code -Dberth.data-dir}, else {@code BERTH_DATA_DIR}, else {@code .berth} in the working folder. */
    static Path dataDir(Map<String, String> properties, Map<String, String> environment) {
        String dir = properties.getOrDefault("berth.data-dir", environment.getOrDefault("BERTH_DATA_DIR", DEFAULT_DATA_DIR));
        return Path.of(dir).toAbsolutePath().normalize();
    }

    /** Returns the value of {@code --config FILE} or {@code --config=FILE} anywhere after the command name. */
    static Optional<String> configOption(String[] args) {
        for (int i = 1; i < args.length; i++) {
            if ("--config".equals(args[i]) && i + 1 < args.length) {
                return Optional.of(args[i + 1]);
            }
            if (args[i].startsWith("--config=")) {
                return Optional.of(args[i].substring("--config=".length()));
            }
        }
        return Optional.empty();
    }

    private static String datasource(String name) {
        return "quarkus.datasource." + name;
    }

    private static String active(String name) {
        return datasource(name) + ".active";
    }
}
