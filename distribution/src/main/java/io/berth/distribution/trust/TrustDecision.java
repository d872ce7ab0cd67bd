package io.berth.distribution.trust;

/**
 * Whether a bundle jar may be installed, and why.
 *
 * @param trusted whether it may be installed
 * @param reason  which configured certificate or digest trusts it, or what is missing
 */
public record TrustDecision(boolean trusted, String reason) {

    static TrustDecision trusted(String reason) {
        return new TrustDecision(true, reason);
    }

    static TrustDecision untrusted(String reason) {
        return new TrustDecision(false, reason);
    }
}
