package io.berth.policy;

import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Policies without statements. The SDK's policy builder and reader reject them, but a role can
 * have nothing to grant, such as the Worker when no bucket is configured.
 */
final class EmptyPolicies {

    /** The identity policy of a role that gets no inline policy. */
    static final String EMPTY_POLICY = "{\"Version\":\"" + TrustPolicies.POLICY_VERSION + "\",\"Statement\":[]}";

    private EmptyPolicies() {
    }

    /**
     * Returns whether the policy JSON has no statement.
     *
     * @throws RuntimeException when the text is not JSON
     */
    static boolean isEmpty(String policyJson) {
        Optional<JsonNode> statement = JsonNode.parser().parse(policyJson).field("Statement");
        return statement.isEmpty() || statement.get().isArray() && statement.get().asArray().isEmpty();
    }
}
