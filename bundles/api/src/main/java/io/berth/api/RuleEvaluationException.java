package io.berth.api;

/**
 * The company rules could not be evaluated: the OPA server is unreachable or answered with an
 * error, a compiled rule bundle is missing, corrupt or out of date, or evaluation failed.
 * Callers treat it as a refusal, never as "no findings", so that broken rules fail closed.
 */
public class RuleEvaluationException extends BerthException {
    private static final long serialVersionUID = 1L;

    public RuleEvaluationException(String message, String fix) {
        super(message, fix);
    }

    public RuleEvaluationException(String message, String fix, Throwable cause) {
        super(message, fix, cause);
    }
}
