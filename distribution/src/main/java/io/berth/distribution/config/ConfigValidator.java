package io.berth.distribution.config;

import io.berth.api.InvalidConfigException;
import io.berth.api.config.DeploymentConfig;
import java.util.regex.Pattern;

/** Checks the values of a parsed config that its types alone cannot. */
final class ConfigValidator {

    private static final Pattern DEPLOYMENT_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private ConfigValidator() {
    }

    static void validate(String source, DeploymentConfig config) {
        if (!DEPLOYMENT_NAME.matcher(config.deployment()).matches()) {
            throw new InvalidConfigException(source + ": deployment", "'" + config.deployment() + "' is not a valid name",
                    "use 1 to 32 lower-case letters, digits and hyphens, starting with a letter");
        }
        if (!REGION.matcher(config.region()).matches()) {
            throw new InvalidConfigException(source + ": region", "'" + config.region() + "' is not an AWS region name",
                    "use a region such as eu-west-1 or us-east-2");
        }
        if (config.accountId() != null && !ACCOUNT_ID.matcher(config.accountId()).matches()) {
            throw new InvalidConfigException(source + ": accountId", "'" + config.accountId() + "' is not a 12-digit account id",
                    "quote the id as a string of 12 digits, or remove the key to look it up through STS");
        }
        if (config.network() == null) {
            throw new InvalidConfigException(source + ": network", "is missing",
                    "add network.managed.cidr, or network.byon with vpcId and subnetIds");
        }
        boolean managed = config.network().managed() != null;
        boolean byon = config.network().byon() != null;
        if (managed == byon && config.network().provider() == null) {
            throw new InvalidConfigException(source + ": network",
                    managed ? "sets both managed and byon" : "sets neither managed nor byon",
                    "set exactly one of network.managed and network.byon");
        }
        AdminConfigValidator.validate(source, config.admin());
    }
}
