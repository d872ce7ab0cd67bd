package io.berth.distribution.rest;

/** Ends a request with a problem document; thrown by resources and turned into the response by a mapper. */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** Creates a 400 problem for an invalid request value, naming the field. */
    public static ProblemException invalid(String field, String detail, String fix) {
        return new ProblemException(Problem.of("invalid-request", "Invalid request", 400, detail)
                .withField(field).withFix(fix));
    }

    /** Creates a 404 problem for something the request names that does not exist. */
    public static ProblemException notFound(String field, String detail, String fix) {
        return new ProblemException(Problem.of("not-found", "Not found", 404, detail).withField(field).withFix(fix));
    }

    /** Creates a 409 problem for a request that conflicts with the current state. */
    public static ProblemException conflict(String field, String detail, String fix) {
        return new ProblemException(Problem.of("conflict", "Conflict", 409, detail).withField(field).withFix(fix));
    }
}
