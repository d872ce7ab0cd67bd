package io.berth.setup;

import io.berth.api.BerthException;
import io.berth.api.DeploymentTemplate;
import io.berth.api.GeneratedRole;
import io.berth.api.InvalidConfigException;
import io.berth.api.NetworkProvider;
import io.berth.api.Plan;
import io.berth.api.Provider;
import io.berth.api.TemplateContext;
import io.berth.api.TemplateFragment;
import io.berth.api.TemplateOutput;
import io.berth.api.TemplateParameter;
import io.berth.api.TemplateResource;
import io.berth.api.config.DeploymentConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles the fragments of the providers that apply would run into one CloudFormation template,
 * in apply order: network, security groups, roles. Logical ids come from the providers and the
 * order of resources from the order they list them, so that the same config and bundles always
 * give the same template, and a change shows as a small diff.
 */
final class TemplateRenderer {

    /** The template format version CloudFormation documents; it has only ever had this one. */
    static final String FORMAT_VERSION = "2010-09-09";

    private final DeploymentConfig templateConfig;
    private final List<GeneratedRole> templateRoles;
    private final Map<String, Object> references = new LinkedHashMap<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Object> resources = new LinkedHashMap<>();
    private final Map<String, Object> outputs = new LinkedHashMap<>();

    /**
     * @param templateConfig the config with the placeholders of {@code ResourceNames.forTemplate}
     * @param templateRoles  the IAM documents generated from that config
     */
    TemplateRenderer(DeploymentConfig templateConfig, List<GeneratedRole> templateRoles) {
        this.templateConfig = templateConfig;
        this.templateRoles = List.copyOf(templateRoles);
    }

    DeploymentTemplate render(Plan plan, List<Provider> providers) {
        for (Provider provider : providers) {
            add(provider, fragment(provider));
        }

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("AWSTemplateFormatVersion", FORMAT_VERSION);
        document.put("Description", "Berth deployment " + templateConfig.deployment()
                + ": the network, security groups and runtime IAM roles that berth apply would create");
        document.put("Metadata", Map.of("Berth", metadata(providers)));
        if (!parameters.isEmpty()) {
            document.put("Parameters", parameters);
        }
        document.put("Resources", resources);
        document.put("Outputs", outputs);

        @SuppressWarnings("unchecked")
        Map<String, Object> substituted = (Map<String, Object>) PseudoParameters.substitute(document);
        return new DeploymentTemplate(plan, substituted);
    }

    private TemplateFragment fragment(Provider provider) {
        try {
            return provider.template(new Context());
        } catch (UnsupportedOperationException e) {
            // Only the network provider is chosen in the config; the others by the bundles installed.
            String field = provider instanceof NetworkProvider ? "network.provider" : "provider " + provider.name();
            throw new InvalidConfigException(field,
                    "the active provider " + provider.name() + " cannot describe its resources as a CloudFormation template",
                    "use Berth's built-in providers for a template, or create the deployment with berth apply");
        }
    }

    private void add(Provider provider, TemplateFragment fragment) {
        for (TemplateParameter parameter : fragment.parameters()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("Type", parameter.type());
            entry.put("Description", parameter.description());
            if (parameter.defaultValue() != null) {
                entry.put("Default", parameter.defaultValue());
            }
            putUnique(parameters, parameter.name(), entry, provider, "parameter");
        }
        for (TemplateResource resource : fragment.resources()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("Type", resource.type());
            if (!resource.dependsOn().isEmpty()) {
                entry.put("DependsOn", resource.dependsOn());
            }
            entry.put("Properties", resource.properties());
            putUnique(resources, resource.logicalId(), entry, provider, "resource");
        }
        for (TemplateOutput output : fragment.outputs()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("Description", output.description());
            entry.put("Value", output.value());
            putUnique(outputs, output.name(), entry, provider, "output");
        }
        fragment.references().forEach((key, value) -> putUnique(references, key, value, provider, "reference"));
    }

    /**
     * Adds an entry to a section of the template. A second entry under one name would silently
     * replace the first, so it fails the render instead.
     */
    private static void putUnique(Map<String, Object> section, String name, Object entry, Provider provider, String what) {
        if (section.putIfAbsent(name, entry) != null) {
            throw new BerthException("provider " + provider.name() + " adds the " + what + " " + name
                    + ", which an earlier provider already added to the template",
                    "give the provider's " + what + "s names of their own");
        }
    }

    /** Returns the deployment and the providers the template came from, so that a reviewer can render it again. */
    private Map<String, Object> metadata(List<Provider> providers) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("Deployment", templateConfig.deployment());
        metadata.put("Providers", providers.stream().map(Provider::name).toList());
        return metadata;
    }

    /** The view each provider gets while it describes its part. */
    private final class Context implements TemplateContext {

        @Override
        public DeploymentConfig config() {
            return templateConfig;
        }

        @Override
        public List<GeneratedRole> roles() {
            return templateRoles;
        }

        @Override
        public Object reference(String key) {
            Object value = references.get(key);
            if (value == null) {
                throw new BerthException("no provider before this one published " + key + " to the template",
                        "check that the network provider's template publishes " + key);
            }
            return value;
        }
    }
}
