package io.berth.api;

import java.util.List;

/** Apply refused to start because the plan has findings at or above {@code rules.failOn}; nothing was created. */
public class PlanRefusedException extends BerthException {
    private static final long serialVersionUID = 1L;

    private final transient List<Finding> findings;

    public PlanRefusedException(List<Finding> findings, Severity threshold) {
        super(findings.size() + " finding(s) at or above " + threshold + " stop the apply; nothing was created",
                "fix the findings listed by `berth plan`, or change the company rules");
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}
