package io.berth.policy;

import io.berth.api.Condition;
import io.berth.api.PermissionRequirement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Merges the requirements of one role into statements, the same way whatever order the bundles
 * published them in.
 *
 * <p>Requirements with the same Sid become one statement only when that grants nothing extra:
 * their conditions are equal, and either their resources or their actions are equal. Otherwise
 * they keep separate statements, and the second and later get the Sid with a number appended,
 * because IAM requires unique Sids within a policy. Statements are sorted by Sid.
 */
final class StatementMerger {

    private static final Comparator<Condition> CONDITION_ORDER =
            Comparator.comparing(Condition::operator).thenComparing(Condition::key);

    private StatementMerger() {
    }

    static List<MergedStatement> merge(List<PermissionRequirement> requirements) {
        Map<String, List<PermissionRequirement>> bySid = new TreeMap<>();
        for (PermissionRequirement requirement : requirements) {
            bySid.computeIfAbsent(requirement.sid(), sid -> new ArrayList<>()).add(requirement);
        }

        List<MergedStatement> statements = new ArrayList<>();
        for (Map.Entry<String, List<PermissionRequirement>> group : bySid.entrySet()) {
            List<Draft> drafts = mergeGroup(group.getValue());
            for (int i = 0; i < drafts.size(); i++) {
                String sid = i == 0 ? group.getKey() : group.getKey() + (i + 1);
                statements.add(drafts.get(i).toStatement(sid));
            }
        }
        statements.sort(Comparator.comparing(MergedStatement::sid));
        return statements;
    }

    private static List<Draft> mergeGroup(List<PermissionRequirement> requirements) {
        List<Draft> drafts = new ArrayList<>();
        requirements.stream()
                .map(Draft::of)
                .sorted(Comparator.comparing(Draft::sortKey))
                .forEach(next -> {
                    Draft target = drafts.stream().filter(draft -> draft.canAbsorb(next)).findFirst().orElse(null);
                    if (target == null) {
                        drafts.add(next);
                    } else {
                        target.absorb(next);
                    }
                });
        return drafts;
    }

    /** A statement being merged. */
    private static final class Draft {
        private final Set<String> reasons = new LinkedHashSet<>();
        private final Set<String> scopings = new LinkedHashSet<>();
        private final Set<String> actions = new TreeSet<>();
        private final Set<String> resources = new TreeSet<>();
        private final List<Condition> conditions;

        private Draft(List<Condition> conditions) {
            this.conditions = conditions;
        }

        static Draft of(PermissionRequirement requirement) {
            Draft draft = new Draft(normalize(requirement.conditions()));
            draft.reasons.add(requirement.reason());
            draft.scopings.add(requirement.scoping());
            draft.actions.addAll(requirement.actions());
            draft.resources.addAll(requirement.resources());
            return draft;
        }

        boolean canAbsorb(Draft other) {
            return conditions.equals(other.conditions)
                    && (resources.equals(other.resources) || actions.equals(other.actions));
        }

        void absorb(Draft other) {
            reasons.addAll(other.reasons);
            scopings.addAll(other.scopings);
            actions.addAll(other.actions);
            resources.addAll(other.resources);
        }

        String sortKey() {
            return actions + "|" + resources + "|" + conditions;
        }

        MergedStatement toStatement(String sid) {
            return new MergedStatement(sid, joined(reasons), joined(scopings), List.copyOf(actions),
                    List.copyOf(resources), conditions);
        }

        private static String joined(Set<String> texts) {
            return texts.stream().filter(text -> !text.isBlank()).collect(Collectors.joining("; "));
        }
    }

    /**
     * Sorts conditions and their values, and joins conditions on the same operator and key into
     * one, as the SDK's policy writer does when it writes them: the values become alternatives.
     */
    static List<Condition> normalize(List<Condition> conditions) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        Map<String, Condition> first = new LinkedHashMap<>();
        for (Condition condition : conditions.stream().sorted(CONDITION_ORDER).toList()) {
            String key = condition.operator() + "\n" + condition.key();
            first.putIfAbsent(key, condition);
            values.computeIfAbsent(key, ignored -> new TreeSet<>()).addAll(condition.values());
        }
        return first.entrySet().stream()
                .map(entry -> new Condition(entry.getValue().operator(), entry.getValue().key(),
                        List.copyOf(values.get(entry.getKey()))))
                .toList();
    }
}
