package io.berth.api.config;

import java.util.List;

/**
 * Who may reach a cluster in direct mode.
 *
 * @param cidrs client CIDR blocks allowed in
 * @param ports TCP ports they may reach
 */
public record IngressConfig(List<String> cidrs, List<Integer> ports) {
    public IngressConfig {
        cidrs = cidrs == null ? List.of() : List.copyOf(cidrs);
        ports = ports == null ? List.of() : List.copyOf(ports);
    }
}
