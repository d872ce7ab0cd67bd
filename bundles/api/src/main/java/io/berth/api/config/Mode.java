package io.berth.api.config;

/** How clients reach a worker cluster, which decides its security group. */
public enum Mode {
    /** Inbound only from the allow-listed client CIDRs on the service ports. */
    DIRECT,
    /** No inbound from outside at all: clients come through a proxy inside the VPC. */
    PROXY;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
