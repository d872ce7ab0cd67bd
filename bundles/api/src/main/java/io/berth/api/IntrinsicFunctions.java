package io.berth.api;

import java.util.List;
import java.util.Map;

/**
 * CloudFormation's intrinsic functions as the single-entry maps a template is written with,
 * such as {@code {"Ref": "Vpc"}}.
 */
public final class IntrinsicFunctions {

    private IntrinsicFunctions() {
    }

    /** Returns a {@code Ref}: the id of a resource, or the value of a parameter or pseudo parameter. */
    public static Map<String, Object> ref(String logicalId) {
        return Map.of("Ref", logicalId);
    }

    /** Returns an {@code Fn::GetAtt}: an attribute of a resource, such as the {@code Arn} of a role. */
    public static Map<String, Object> getAtt(String logicalId, String attribute) {
        return Map.of("Fn::GetAtt", List.of(logicalId, attribute));
    }

    /** Returns an {@code Fn::Select}: the element at a zero-based index of a list. */
    public static Map<String, Object> select(int index, Object list) {
        return Map.of("Fn::Select", List.of(index, list));
    }

    /** Returns an {@code Fn::GetAZs}: the availability zones of the stack's region, in alphabetical order. */
    public static Map<String, Object> getAZs() {
        return Map.of("Fn::GetAZs", "");
    }

    /** Returns an {@code Fn::Join}: the values joined by a delimiter, such as subnet ids by commas. */
    public static Map<String, Object> join(String delimiter, Object values) {
        return Map.of("Fn::Join", List.of(delimiter, values));
    }
}
