package io.berth.api.config;

import java.util.List;

/**
 * How the company rules are evaluated.
 *
 * @param engine {@code embedded} (OPA Wasm in-process) or {@code opa} (a remote OPA server)
 * @param opaUrl the address of the OPA server when {@code engine} is {@code opa}
 * @param failOn the lowest severity that stops a run: {@code error} or {@code warning}
 * @param paths  extra folders of company Rego
 */
public record RulesConfig(String engine, String opaUrl, String failOn, List<String> paths) {
    public static final RulesConfig DEFAULT = new RulesConfig("embedded", "http://127.0.0.1:8181", "error", List.of());

    public RulesConfig {
        engine = engine == null ? "embedded" : engine;
        opaUrl = opaUrl == null ? "http://127.0.0.1:8181" : opaUrl;
        failOn = failOn == null ? "error" : failOn;
        paths = paths == null ? List.of() : List.copyOf(paths);
    }
}
