package io.berth.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.api.config.DeploymentConfig;
import io.berth.api.config.NetworkConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PseudoParametersTest {

    @Test
    void wrapsStringWithPlaceholderInSub() {
        Object value = PseudoParameters.substitute("arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:vpc/*");

        assertEquals(Map.of("Fn::Sub", "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:vpc/*"), value);
    }

    @Test
    void keepsStringWithoutPlaceholderPlain() {
        assertEquals("arn:aws:s3:::${aws:username}/*", PseudoParameters.substitute("arn:aws:s3:::${aws:username}/*"));
    }

    @Test
    void escapesPolicyVariableInsideSub() {
        Object value = PseudoParameters.substitute("arn:${AWS::Partition}:s3:::home/${aws:username}/*");

        assertEquals(Map.of("Fn::Sub", "arn:${AWS::Partition}:s3:::home/${!aws:username}/*"), value);
    }

    @Test
    void escapesAnAlreadyEscapedVariableOnceMore() {
        assertEquals("${AWS::Region}-${!!literal}", PseudoParameters.escapeOtherVariables("${AWS::Region}-${!literal}"));
    }

    @Test
    void keepsExistingSubAndWalksMapsAndLists() {
        Map<String, Object> existing = Map.of("Fn::Sub", "${AWS::StackName}-${AWS::Region}");
        Object value = PseudoParameters.substitute(Map.of("Resource", List.of("*", "arn:${AWS::Partition}:s3:::b"),
                "Name", existing));

        assertEquals(Map.of("Resource", List.of("*", Map.of("Fn::Sub", "arn:${AWS::Partition}:s3:::b")),
                "Name", existing), value);
    }

    @Test
    void rejectsPlaceholderInKey() {
        assertThrows(IllegalArgumentException.class,
                () -> PseudoParameters.substitute(Map.of("aws:ResourceTag/${AWS::Region}", "x")));
    }

    @Test
    void resolvesToConfiguredAccountRegionAndPartition() {
        String resolved = PseudoParameters.resolve("arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:vpc/*",
                config("cn-north-1", "123456789012"));

        assertEquals("arn:aws-cn:ec2:cn-north-1:123456789012:vpc/*", resolved);
    }

    @Test
    void resolvesAccountToPolicyVariableWithoutAccountId() {
        String resolved = PseudoParameters.resolve("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/x",
                config("eu-west-1", null));

        assertEquals("arn:aws:iam::${aws:PrincipalAccount}:role/x", resolved);
    }

    private static DeploymentConfig config(String region, String accountId) {
        return new DeploymentConfig("analytics", region, accountId, null,
                new NetworkConfig(new NetworkConfig.Managed("10.42.0.0/16"), null, null), null, null, null, null, null,
                null, null);
    }
}
