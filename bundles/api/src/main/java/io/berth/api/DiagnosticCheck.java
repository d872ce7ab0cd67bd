package io.berth.api;

import java.util.Objects;

/**
 * One line of {@code berth doctor}: a part of the set-up and whether it works.
 *
 * @param name   what was checked, such as {@code region} or {@code caller identity}
 * @param ok     whether it works
 * @param detail what was found, such as {@code eu-west-1 (from AWS_REGION)}; never a secret
 * @param fix    what would make it work, or an empty string when {@code ok} is true
 */
public record DiagnosticCheck(String name, boolean ok, String detail, String fix) {

    public DiagnosticCheck {
        Objects.requireNonNull(name, "name");
        detail = detail == null ? "" : detail;
        fix = fix == null ? "" : fix;
    }

    public static DiagnosticCheck passed(String name, String detail) {
        return new DiagnosticCheck(name, true, detail, "");
    }

    public static DiagnosticCheck failed(String name, String detail, String fix) {
        return new DiagnosticCheck(name, false, detail, fix);
    }
}
