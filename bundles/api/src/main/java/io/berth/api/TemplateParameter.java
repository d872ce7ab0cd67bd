package io.berth.api;

import java.util.Objects;

/**
 * A parameter of a CloudFormation template, which the stack's creator fills in.
 *
 * @param name         the parameter's logical id
 * @param type         the parameter type, such as {@code AWS::EC2::VPC::Id} or
 *                     {@code List<AWS::EC2::Subnet::Id>}, which CloudFormation checks before it
 *                     creates anything
 * @param description  what to fill in
 * @param defaultValue the value used when none is given, or null for a required parameter
 */
public record TemplateParameter(String name, String type, String description, Object defaultValue) {

    public TemplateParameter {
        TemplateResource.requireLogicalId(name);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }
}
