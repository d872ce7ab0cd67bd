package io.berth.distribution.platform;

import io.berth.api.CloudDiagnostics;
import io.berth.api.CompanyRules;
import io.berth.api.FleetProvider;
import io.berth.api.NetworkProvider;
import io.berth.api.PolicyChecker;
import io.berth.api.PolicyGenerator;
import io.berth.api.ReaperProvider;
import io.berth.api.RoleProvider;
import io.berth.api.SecurityGroupProvider;
import io.berth.api.SetupService;

/** The services the host needs from its bundles, one active provider each. */
public enum ServiceType {
    NETWORK("network", NetworkProvider.class.getName()),
    SECURITY_GROUPS("securitygroups", SecurityGroupProvider.class.getName()),
    ROLES("roles", RoleProvider.class.getName()),
    FLEET("fleet", FleetProvider.class.getName()),
    REAPER("reaper", ReaperProvider.class.getName()),
    POLICY_GENERATOR("policy-generator", PolicyGenerator.class.getName()),
    POLICY_CHECKER("policy-checker", PolicyChecker.class.getName()),
    COMPANY_RULES("company-rules", CompanyRules.class.getName()),
    SETUP("setup", SetupService.class.getName()),
    DIAGNOSTICS("diagnostics", CloudDiagnostics.class.getName()),
    // Tracked by name: the interface lives in the AWS bundle, not in the host.
    AWS_CLIENTS("aws", "io.berth.aws.AwsClients");

    private final String id;
    private final String interfaceName;

    ServiceType(String id, String interfaceName) {
        this.id = id;
        this.interfaceName = interfaceName;
    }

    public String id() {
        return id;
    }

    public String interfaceName() {
        return interfaceName;
    }
}
