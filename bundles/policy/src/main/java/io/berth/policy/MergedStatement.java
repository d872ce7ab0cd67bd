package io.berth.policy;

import io.berth.api.Condition;
import java.util.List;

/**
 * One Allow statement of a generated policy, after the requirements with its Sid were merged.
 * Actions, resources, conditions and their values are sorted.
 */
record MergedStatement(
        String sid,
        String reason,
        String scoping,
        List<String> actions,
        List<String> resources,
        List<Condition> conditions) {
}
