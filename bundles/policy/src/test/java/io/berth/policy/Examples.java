package io.berth.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.berth.api.ActiveProviders;
import io.berth.api.GeneratedRole;
import io.berth.api.NetworkProvider;
import io.berth.api.RoleKind;
import io.berth.api.config.DeploymentConfig;
import io.berth.fleet.DefaultFleetProvider;
import io.berth.network.byon.AdoptedNetworkProvider;
import io.berth.network.managed.ManagedNetworkProvider;
import io.berth.reaper.DefaultReaperProvider;
import io.berth.roles.DefaultRoleProvider;
import io.berth.securitygroups.DefaultSecurityGroupProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The example configs of the repository, and the documents the default bundles generate for them. */
final class Examples {

    /** The examples folder, seen from this module's folder, where the tests run. */
    static final Path FOLDER = Path.of("../../examples");

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private Examples() {
    }

    static DeploymentConfig load(String name) {
        try {
            return YAML.readValue(FOLDER.resolve(name + ".yaml").toFile(), DeploymentConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the providers the host would pick: the network provider that accepts the config, and the rest. */
    static ActiveProviders providersFor(DeploymentConfig config) {
        NetworkProvider network = new ManagedNetworkProvider().accepts(config)
                ? new ManagedNetworkProvider()
                : new AdoptedNetworkProvider();
        return new ActiveProviders(network, new DefaultSecurityGroupProvider(), new DefaultRoleProvider(),
                new DefaultFleetProvider(), new DefaultReaperProvider());
    }

    static List<GeneratedRole> generate(DeploymentConfig config) {
        return new IamPolicyGenerator().generate(config, providersFor(config));
    }

    static GeneratedRole role(List<GeneratedRole> roles, RoleKind kind) {
        return roles.stream().filter(role -> role.kind() == kind).findFirst().orElseThrow();
    }
}
