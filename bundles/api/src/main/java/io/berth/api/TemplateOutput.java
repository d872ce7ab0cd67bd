package io.berth.api;

import java.util.Objects;

/**
 * An output of a CloudFormation template, such as a role ARN that the control plane needs.
 *
 * @param name        the output's logical id
 * @param description what the value is
 * @param value       the value, usually an {@link IntrinsicFunctions} such as {@code Fn::GetAtt}
 */
public record TemplateOutput(String name, String description, Object value) {

    public TemplateOutput {
        TemplateResource.requireLogicalId(name);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(value, "value");
    }
}
