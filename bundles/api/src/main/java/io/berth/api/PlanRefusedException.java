package io.berth.api;

import java.util.List;

/** Apply or another operation refused to start because the plan has findings at or above {@code rules.failOn}. */
public class PlanRefusedException extends BerthException {
    private static final long serialVersionUID = 1L;

    private final transient List<Finding> findings;

    public PlanRefusedException(List<Finding> findings, Severity threshold) {
        this(findings, threshold, "the apply", "nothing was created");
    }

    /**
     * Creates the refusal of another operation than apply.
     *
     * @param operation what was stopped, such as {@code the template}
     * @param outcome   what did not happen, such as {@code no template was written}
     */
    public PlanRefusedException(List<Finding> findings, Severity threshold, String operation, String outcome) {
        super(findings.size() + " finding(s) at or above " + threshold + " stop " + operation + "; " + outcome,
                "fix the findings listed by `berth plan`, or change the company rules");
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}
