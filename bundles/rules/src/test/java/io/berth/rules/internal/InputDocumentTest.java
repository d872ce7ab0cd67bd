package io.berth.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.InvalidConfigException;
import io.berth.api.RoleKind;
import io.berth.api.config.RulesConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputDocumentTest {

    @Test
    void fullPlanGivesTheGoldenDocument() {
        JsonNode input = InputDocument.of(Plans.fullPlan(List.of("203.0.113.0/24", "2001:db8::/32"), RulesConfig.DEFAULT));

        assertEquals(TestFiles.json(TestFiles.TEST_BUNDLES.resolve("input-golden.json")), input,
                "actual document: " + input.toPrettyString());
    }

    @Test
    void policyIsWrappedAsTheOnlyRole() {
        JsonNode input = InputDocument.ofPolicy(RoleKind.WORKER, Plans.policy("Read", "s3:GetObject", "*"));

        assertEquals(1, input.get("roles").size());
        assertEquals("worker", input.at("/roles/0/kind").asText());
        assertEquals("s3:GetObject", input.at("/roles/0/policy/Statement/0/Action").asText());
        assertEquals(0, input.get("securityGroups").size());
    }

    @Test
    void invalidPolicyJsonNamesTheProblem() {
        InvalidConfigException error = assertThrows(InvalidConfigException.class,
                () -> InputDocument.ofPolicy(RoleKind.WORKER, "{\"Statement\": ["));

        assertTrue(error.getMessage().startsWith("the IAM policy document: is not valid JSON"), error.getMessage());
    }

    @Test
    void shortTypeSplitsWordsAndAcronyms() {
        assertEquals("vpc", InputDocument.shortType("AWS::EC2::VPC"));
        assertEquals("vpc-endpoint", InputDocument.shortType("AWS::EC2::VPCEndpoint"));
        assertEquals("internet-gateway", InputDocument.shortType("AWS::EC2::InternetGateway"));
        assertEquals("vpc-gateway-attachment", InputDocument.shortType("AWS::EC2::VPCGatewayAttachment"));
        assertEquals("instance-profile", InputDocument.shortType("AWS::IAM::InstanceProfile"));
    }
}
