package io.berth.api;

import java.util.Objects;

/**
 * One problem found in a plan or a policy document.
 *
 * @param rule     the id of the rule that raised it, such as {@code wildcard-action}
 * @param severity how serious it is
 * @param target   what it is about: a role kind and statement Sid, or a resource name
 * @param message  what is wrong, in one sentence
 * @param fix      what would make the finding go away
 */
public record Finding(String rule, Severity severity, String target, String message, String fix) {
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(message, "message");
        fix = fix == null ? "" : fix;
    }
}
