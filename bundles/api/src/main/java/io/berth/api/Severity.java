package io.berth.api;

import java.util.Arrays;

/** How serious a finding is; {@code rules.failOn} names the lowest severity that stops a run. */
public enum Severity {
    WARNING("warning"),
    ERROR("error");

    private final String id;

    Severity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean isAtLeast(Severity threshold) {
        return compareTo(threshold) >= 0;
    }

    public static Severity fromId(String id) {
        return Arrays.stream(values())
                .filter(severity -> severity.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown severity '" + id + "': expected warning or error"));
    }

    @Override
    public String toString() {
        return id;
    }
}
