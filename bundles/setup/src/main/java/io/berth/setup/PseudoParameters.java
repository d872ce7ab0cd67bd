package io.berth.setup;

import io.berth.api.ResourceNames;
import io.berth.api.config.DeploymentConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the pseudo-parameter placeholders of {@link ResourceNames#forTemplate} into what
 * CloudFormation evaluates. This is the one place where a template's strings become
 * {@code Fn::Sub} expressions.
 *
 * <p>Inside {@code Fn::Sub}, CloudFormation replaces every {@code ${...}}. IAM policy variables
 * such as {@code ${aws:PrincipalAccount}} must reach IAM unchanged, so they are written as
 * {@code ${!aws:PrincipalAccount}}, which {@code Fn::Sub} turns back into the literal.
 */
final class PseudoParameters {

    static final List<String> PLACEHOLDERS = List.of(
            ResourceNames.TEMPLATE_ACCOUNT, ResourceNames.TEMPLATE_REGION, ResourceNames.TEMPLATE_PARTITION);

    private static final String FN_SUB = "Fn::Sub";

    private PseudoParameters() {
    }

    /**
     * Returns a copy of a template value in which every string that contains a placeholder is an
     * {@code Fn::Sub}. Strings without one stay plain, because CloudFormation reads plain
     * strings literally, {@code ${...}} included. An existing {@code Fn::Sub} is kept as it is.
     *
     * @throws IllegalArgumentException when a map key contains a placeholder, which CloudFormation cannot substitute
     */
    static Object substitute(Object value) {
        if (value instanceof String text) {
            return containsPlaceholder(text) ? Map.of(FN_SUB, escapeOtherVariables(text)) : text;
        }
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.containsKey(FN_SUB)) {
                return map;
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, child) -> {
                if (containsPlaceholder(String.valueOf(key))) {
                    throw new IllegalArgumentException("the template key '" + key + "' contains a pseudo parameter,"
                            + " which CloudFormation substitutes only in values");
                }
                copy.put(String.valueOf(key), substitute(child));
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(child -> copy.add(substitute(child)));
            return copy;
        }
        return value;
    }

    /**
     * Returns the text with the placeholders filled in from the config, as apply would have
     * written it: the configured account, or {@link ResourceNames#ACCOUNT_VARIABLE} when none is
     * configured, the region and its partition.
     */
    static String resolve(String text, DeploymentConfig config) {
        if (text == null) {
            return null;
        }
        return text.replace(ResourceNames.TEMPLATE_ACCOUNT, ResourceNames.account(config))
                .replace(ResourceNames.TEMPLATE_REGION, config.region())
                .replace(ResourceNames.TEMPLATE_PARTITION, ResourceNames.partition(config.region()));
    }

    static boolean containsPlaceholder(String text) {
        return PLACEHOLDERS.stream().anyMatch(text::contains);
    }

    /** Returns the text with every {@code ${} that does not start a placeholder written as {@code ${!}. */
    static String escapeOtherVariables(String text) {
        StringBuilder escaped = new StringBuilder();
        int index = 0;
        while (index < text.length()) {
            int variable = text.indexOf("${", index);
            if (variable < 0) {
                escaped.append(text, index, text.length());
                break;
            }
            escaped.append(text, index, variable);
            boolean placeholder = PLACEHOLDERS.stream().anyMatch(name -> text.startsWith(name, variable));
            escaped.append(placeholder ? "${" : "${!");
            index = variable + 2;
        }
        return escaped.toString();
    }
}
