package io.berth.distribution.config;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Turns Jackson's parse errors into one short line for users. */
public final class JsonErrors {

    private JsonErrors() {
    }

    /**
     * Describes a parse error as "at line L, column C: problem", without Jackson's source
     * excerpt and start-marker details.
     */
    public static String describe(JsonProcessingException e) {
        String problem = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage();
        int newline = problem.indexOf('\n');
        if (newline >= 0) {
            problem = problem.substring(0, newline);
        }
        int details = problem.indexOf(" (start marker at");
        if (details >= 0) {
            problem = problem.substring(0, details);
        }
        if (e.getLocation() == null) {
            return problem;
        }
        return "at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + problem;
    }
}
