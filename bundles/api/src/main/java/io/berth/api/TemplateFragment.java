package io.berth.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One provider's part of a deployment's CloudFormation template.
 *
 * @param parameters what the stack's creator fills in, such as the id of an adopted VPC
 * @param resources  what the stack creates, in the order they are written
 * @param outputs    values the stack reports, such as role ARNs
 * @param references template values that later providers use, by the {@link DeploymentContext}
 *                   output key that apply would put, such as {@link DeploymentContext#VPC_ID}
 *                   mapped to {@code {"Ref": "Vpc"}}
 */
public record TemplateFragment(
        List<TemplateParameter> parameters,
        List<TemplateResource> resources,
        List<TemplateOutput> outputs,
        Map<String, Object> references) {

    public TemplateFragment {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        resources = resources == null ? List.of() : List.copyOf(resources);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        references = references == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(references));
    }

    /** Returns the fragment of a provider that creates nothing at setup. */
    public static TemplateFragment empty() {
        return new TemplateFragment(List.of(), List.of(), List.of(), Map.of());
    }
}
