package io.berth.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One resource of a CloudFormation template, as plain maps, lists and strings so that no
 * template library crosses the API. Values may be {@link IntrinsicFunctions} such as a
 * {@code Ref}. A string that contains {@link ResourceNames#TEMPLATE_ACCOUNT},
 * {@link ResourceNames#TEMPLATE_REGION} or {@link ResourceNames#TEMPLATE_PARTITION} becomes an
 * {@code Fn::Sub} when the template is rendered.
 *
 * @param logicalId  the resource's logical id, letters and digits only, stable between renders
 *                   so that two templates of one deployment can be compared
 * @param type       the CloudFormation type, such as {@code AWS::EC2::VPC}
 * @param properties the resource's properties, in the order they are written
 * @param dependsOn  logical ids that CloudFormation must create first, beyond those referenced
 */
public record TemplateResource(String logicalId, String type, Map<String, Object> properties, List<String> dependsOn) {

    private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]{1,255}");

    public TemplateResource {
        requireLogicalId(logicalId);
        Objects.requireNonNull(type, "type");
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** Creates a resource that depends on nothing beyond what its properties reference. */
    public TemplateResource(String logicalId, String type, Map<String, Object> properties) {
        this(logicalId, type, properties, List.of());
    }

    /** Returns the tags in the template's form: a list of {@code Key} and {@code Value} pairs, in the map's order. */
    public static List<Map<String, Object>> tags(Map<String, String> tags) {
        List<Map<String, Object>> list = new ArrayList<>();
        tags.forEach((key, value) -> {
            Map<String, Object> tag = new LinkedHashMap<>();
            tag.put("Key", key);
            tag.put("Value", value);
            list.add(tag);
        });
        return list;
    }

    /**
     * Checks that a name is a valid logical id: CloudFormation accepts only letters and digits.
     *
     * @throws IllegalArgumentException naming the id when it is not
     */
    static String requireLogicalId(String logicalId) {
        if (logicalId == null || !LOGICAL_ID.matcher(logicalId).matches()) {
            throw new IllegalArgumentException("'" + logicalId + "' is not a CloudFormation logical id:"
                    + " use 1 to 255 letters and digits");
        }
        return logicalId;
    }
}
