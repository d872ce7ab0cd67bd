package io.berth.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One resource a plan creates, keeps, updates, adopts or deletes.
 *
 * @param type       the CloudFormation-style type, such as {@code AWS::EC2::VPC}
 * @param name       a name unique within the deployment, such as {@code subnet-a}
 * @param action     what the plan does to it
 * @param provider   the provider that owns it, such as {@code network.managed}
 * @param properties the settings that matter to a reviewer, such as {@code cidr}
 * @param dependsOn  names of resources that must exist first
 */
public record PlannedResource(
        String type,
        String name,
        ResourceAction action,
        String provider,
        Map<String, String> properties,
        List<String> dependsOn) {

    public PlannedResource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(provider, "provider");
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }
}
