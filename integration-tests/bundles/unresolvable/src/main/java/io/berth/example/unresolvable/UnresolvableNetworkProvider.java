package io.berth.example.unresolvable;

/** Present only so that the bundle has a class; the bundle never resolves, so it never runs. */
public final class UnresolvableNetworkProvider {

    private UnresolvableNetworkProvider() {
    }
}
