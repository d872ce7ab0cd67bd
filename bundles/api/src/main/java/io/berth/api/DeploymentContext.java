package io.berth.api;

import io.berth.api.config.DeploymentConfig;
import java.util.Optional;

/**
 * What one apply or destroy passes between its steps: the config, the ids that earlier
 * steps produced, and a place to report progress.
 */
public interface DeploymentContext {

    /** Output key of the VPC id. */
    String VPC_ID = "vpcId";
    /** Output key of the comma-separated subnet ids. */
    String SUBNET_IDS = "subnetIds";
    /** Output key of the direct-mode security group id. */
    String DIRECT_SECURITY_GROUP_ID = "directSecurityGroupId";
    /** Output key of the proxy-mode security group id. */
    String PROXY_SECURITY_GROUP_ID = "proxySecurityGroupId";
    /** Output key of the worker instance profile ARN. */
    String WORKER_INSTANCE_PROFILE_ARN = "workerInstanceProfileArn";

    DeploymentConfig config();

    /** The generated IAM documents the role provider must create. */
    java.util.List<GeneratedRole> roles();

    Optional<String> output(String key);

    /**
     * Waits until an earlier step puts the output, so that steps run as soon as what they need
     * exists: the security groups start once the VPC exists, not once the whole network does.
     *
     * @throws BerthException when the step that puts it failed or it did not arrive in time
     */
    String awaitOutput(String key);

    void putOutput(String key, String value);

    /** Reports one step, such as {@code created subnet subnet-0a1 in eu-west-1b}, to the CLI or API caller. */
    void progress(String message);
}
