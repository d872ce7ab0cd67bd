package io.berth.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A deployment as a CloudFormation template, rendered from the same providers and IAM documents
 * that apply uses.
 *
 * @param plan     the checked plan the template was rendered from; its findings are all below
 *                 {@code rules.failOn}
 * @param document the template as ordered maps, lists and strings, ready to be written as JSON or YAML
 */
public record DeploymentTemplate(Plan plan, Map<String, Object> document) {

    public DeploymentTemplate {
        Objects.requireNonNull(plan, "plan");
        document = Collections.unmodifiableMap(new LinkedHashMap<>(document));
    }
}
