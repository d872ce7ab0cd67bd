package io.berth.api;

import java.util.List;
import java.util.Objects;

/**
 * One IAM condition: {@code "operator": {"key": [values]}}.
 *
 * @param operator an IAM condition operator such as {@code StringEquals} or {@code ArnLike}
 * @param key      a condition key such as {@code aws:ResourceTag/berth:deployment}
 * @param values   the values the key is compared with
 */
public record Condition(String operator, String key, List<String> values) {
    public Condition {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
    }

    public static Condition of(String operator, String key, String... values) {
        return new Condition(operator, key, List.of(values));
    }

    /** Limits a grant to existing resources that carry the tag {@code key=value}. */
    public static Condition resourceTagEquals(String key, String value) {
        return of("StringEquals", "aws:ResourceTag/" + key, value);
    }

    /** Limits a grant to requests that put the tag {@code key=value} on the resources they create. */
    public static Condition requestTagEquals(String key, String value) {
        return of("StringEquals", "aws:RequestTag/" + key, value);
    }
}
