package io.berth.policy;

import static io.berth.policy.PolicyDocuments.actions;
import static io.berth.policy.PolicyDocuments.parse;
import static io.berth.policy.PolicyDocuments.statement;
import static io.berth.policy.PolicyDocuments.statements;
import static io.berth.policy.PolicyDocuments.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.Finding;
import io.berth.api.GeneratedRole;
import io.berth.api.InvalidConfigException;
import io.berth.api.PermissionRequirement;
import io.berth.api.RoleKind;
import io.berth.api.config.DeploymentConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class IamPolicyGeneratorTest {

    private static final DeploymentConfig QUICKSTART = Examples.load("quickstart");
    private static final DeploymentConfig BYON = Examples.load("byon-proxy");
    private static final List<GeneratedRole> MANAGED_ROLES = Examples.generate(QUICKSTART);
    private static final List<GeneratedRole> BYON_ROLES = Examples.generate(BYON);

    @Test
    void generatesOneRolePerKind() {
        assertEquals(List.of(RoleKind.values()), MANAGED_ROLES.stream().map(GeneratedRole::kind).toList());
    }

    @Test
    void everyBaselineActionPresentForItsRole() {
        for (RoleKind kind : List.of(RoleKind.USER_INITIATED, RoleKind.UNATTENDED, RoleKind.WORKER)) {
            List<String> granted = actions(MANAGED_ROLES, kind);
            for (String baseline : BaselinePermissions.actions(kind)) {
                assertTrue(granted.contains(baseline), kind + " lacks baseline action " + baseline + ": " + granted);
            }
        }
    }

    @Test
    void managedDeployerGrantsExactCalls() {
        Set<String> expected = new TreeSet<>(List.of(
                "ec2:AssociateRouteTable", "ec2:AttachInternetGateway", "ec2:CreateInternetGateway", "ec2:CreateRoute",
                "ec2:CreateRouteTable", "ec2:CreateSubnet", "ec2:CreateTags", "ec2:CreateVpc", "ec2:DeleteInternetGateway",
                "ec2:DeleteRouteTable", "ec2:DeleteSubnet", "ec2:DeleteVpc", "ec2:DescribeAvailabilityZones",
                "ec2:DescribeInstanceTypeOfferings", "ec2:DescribeInternetGateways", "ec2:DescribeRouteTables",
                "ec2:DescribeSubnets", "ec2:DescribeVpcs", "ec2:DetachInternetGateway", "ec2:DisassociateRouteTable",
                "ec2:ModifySubnetAttribute", "ec2:ModifyVpcAttribute",
                "ec2:AuthorizeSecurityGroupEgress", "ec2:AuthorizeSecurityGroupIngress", "ec2:CreateSecurityGroup",
                "ec2:DeleteSecurityGroup", "ec2:DescribeSecurityGroups", "ec2:RevokeSecurityGroupEgress",
                "ec2:RevokeSecurityGroupIngress",
                "ec2:DescribeInstances",
                "iam:AddRoleToInstanceProfile", "iam:CreateInstanceProfile", "iam:CreateRole", "iam:DeleteInstanceProfile",
                "iam:DeleteRole", "iam:DeleteRolePolicy", "iam:GetInstanceProfile", "iam:GetRole", "iam:GetRolePolicy",
                "iam:PassRole", "iam:PutRolePolicy", "iam:RemoveRoleFromInstanceProfile", "iam:TagInstanceProfile",
                "iam:TagRole", "iam:UpdateAssumeRolePolicy",
                "sts:GetCallerIdentity"));

        assertEquals(expected, new TreeSet<>(actions(MANAGED_ROLES, RoleKind.DEPLOYER)));
    }

    @Test
    void byonSwapDropsNetworkCreation() {
        List<String> managed = actions(MANAGED_ROLES, RoleKind.DEPLOYER);
        List<String> byon = actions(BYON_ROLES, RoleKind.DEPLOYER);

        for (String action : List.of("ec2:CreateVpc", "ec2:CreateSubnet", "ec2:CreateInternetGateway",
                "ec2:CreateRouteTable", "ec2:CreateRoute", "ec2:AttachInternetGateway", "ec2:DeleteVpc",
                "ec2:DeleteSubnet", "ec2:ModifyVpcAttribute", "ec2:DescribeAvailabilityZones")) {
            assertTrue(managed.contains(action), "managed network deployer lacks " + action);
            assertFalse(byon.contains(action), "BYON deployer still grants " + action);
        }
        assertTrue(byon.contains("ec2:DescribeVpcs"));
        assertTrue(byon.contains("ec2:DescribeSubnets"));
    }

    @Test
    void byonSecurityGroupsOnlyInAdoptedVpc() {
        JsonNode statement = statement(Examples.role(BYON_ROLES, RoleKind.DEPLOYER), "CreateSecurityGroupsInDeploymentVpc");

        assertEquals(List.of("arn:aws:ec2:eu-central-1:444455556666:vpc/vpc-0abc1234def567890"),
                strings(statement.path("Resource")));
        assertTrue(statement.path("Condition").isMissingNode());
    }

    @Test
    void terminateOnlyTaggedInstances() {
        for (RoleKind kind : List.of(RoleKind.USER_INITIATED, RoleKind.UNATTENDED)) {
            JsonNode statement = statement(Examples.role(MANAGED_ROLES, kind), "TerminateOwnInstances");

            assertEquals(List.of("ec2:TerminateInstances"), strings(statement.path("Action")));
            assertEquals(List.of("arn:aws:ec2:eu-west-1:123456789012:instance/*"), strings(statement.path("Resource")));
            assertEquals("analytics", statement.at("/Condition/StringEquals/aws:ResourceTag~1berth:deployment").asText());
        }
    }

    @Test
    void reaperDeletesOnlyTaggedResources() {
        GeneratedRole unattended = Examples.role(MANAGED_ROLES, RoleKind.UNATTENDED);

        for (String sid : List.of("DeleteOwnFleets", "DeleteOwnLaunchTemplates")) {
            JsonNode statement = statement(unattended, sid);
            assertEquals("analytics", statement.at("/Condition/StringEquals/aws:ResourceTag~1berth:deployment").asText(),
                    sid + " is not limited to the deployment's tag");
        }
        assertEquals(List.of("ec2:DeleteLaunchTemplate", "ec2:DeleteLaunchTemplateVersions"),
                strings(statement(unattended, "DeleteOwnLaunchTemplates").path("Action")));
    }

    @Test
    void passRoleOnlyWorkerToEc2() {
        JsonNode statement = statement(Examples.role(MANAGED_ROLES, RoleKind.USER_INITIATED), "PassWorkerRole");

        assertEquals(List.of("iam:PassRole"), strings(statement.path("Action")));
        assertEquals(List.of("arn:aws:iam::123456789012:role/berth/berth-analytics-worker"),
                strings(statement.path("Resource")));
        assertEquals(List.of("ec2.amazonaws.com"),
                strings(statement.at("/Condition/StringEquals/iam:PassedToService")));
    }

    @Test
    void runtimeAdditionsAreMarked() {
        assertEquals(List.of("DescribeNetworkAndImages", "PassWorkerRole"), additions(RoleKind.USER_INITIATED));
        assertEquals(List.of("DescribeLaunchTemplates"), additions(RoleKind.UNATTENDED));
    }

    private static List<String> additions(RoleKind kind) {
        return Examples.role(MANAGED_ROLES, kind).statements().stream()
                .filter(GeneratedRole.StatementReason::addition)
                .map(GeneratedRole.StatementReason::sid)
                .toList();
    }

    @Test
    void launchesOnlyIntoOwnNetwork() {
        GeneratedRole userInitiated = Examples.role(MANAGED_ROLES, RoleKind.USER_INITIATED);

        JsonNode subnets = statement(userInitiated, "LaunchInDeploymentSubnets");
        assertEquals(List.of("ec2:CreateFleet", "ec2:RunInstances"), strings(subnets.path("Action")));
        assertEquals(List.of("arn:aws:ec2:eu-west-1:123456789012:subnet/*"), strings(subnets.path("Resource")));
        assertEquals("analytics", subnets.at("/Condition/StringEquals/aws:ResourceTag~1berth:deployment").asText());

        JsonNode owned = statement(userInitiated, "LaunchWithOwnSecurityGroupsAndTemplates");
        assertEquals(List.of("arn:aws:ec2:eu-west-1:123456789012:launch-template/*",
                "arn:aws:ec2:eu-west-1:123456789012:security-group/*"), strings(owned.path("Resource")));
        assertEquals("analytics", owned.at("/Condition/StringEquals/aws:ResourceTag~1berth:deployment").asText());
    }

    @Test
    void byonLaunchesOnlyInAdoptedSubnets() {
        JsonNode subnets = statement(Examples.role(BYON_ROLES, RoleKind.USER_INITIATED), "LaunchInDeploymentSubnets");

        assertEquals(List.of("arn:aws:ec2:eu-central-1:444455556666:subnet/subnet-0a1b2c3d4e5f60718",
                "arn:aws:ec2:eu-central-1:444455556666:subnet/subnet-0b2c3d4e5f6a70829"), strings(subnets.path("Resource")));
        assertTrue(subnets.path("Condition").isMissingNode());
    }

    @Test
    void createCallsRequireDeploymentTags() {
        GeneratedRole userInitiated = Examples.role(MANAGED_ROLES, RoleKind.USER_INITIATED);

        for (String sid : List.of("LaunchTaggedInstances", "CreateTaggedLaunchTemplates")) {
            JsonNode tags = statement(userInitiated, sid).at("/Condition/StringEquals");
            assertEquals("analytics", tags.path("aws:RequestTag/berth:deployment").asText(), sid);
            assertEquals("true", tags.path("aws:RequestTag/berth:managed").asText(), sid);
        }
        assertEquals(List.of("ec2:CreateFleet", "ec2:RunInstances"),
                strings(statement(userInitiated, "LaunchTaggedInstances").path("Action")));
        assertEquals("analytics", statement(userInitiated, "UpdateOwnLaunchTemplates")
                .at("/Condition/StringEquals/aws:ResourceTag~1berth:deployment").asText());
    }

    @Test
    void createTagsOnlyAsPartOfCreateCalls() {
        JsonNode statement = statement(Examples.role(MANAGED_ROLES, RoleKind.USER_INITIATED), "TagComputeOnCreate");

        assertEquals(List.of("ec2:CreateTags"), strings(statement.path("Action")));
        assertEquals(List.of("CreateFleet", "CreateLaunchTemplate", "CreateLaunchTemplateVersion", "RunInstances"),
                strings(statement.at("/Condition/StringEquals/ec2:CreateAction")));
    }

    /**
     * CreateTags on existing resources could mark someone else's resource as the deployment's, so
     * outside a create call it is limited to resources already tagged for the deployment and to
     * the cluster state keys.
     */
    @Test
    void createTagsOnlyOnCreateOrState() {
        for (List<GeneratedRole> roles : List.of(MANAGED_ROLES, BYON_ROLES)) {
            for (GeneratedRole role : roles) {
                for (JsonNode statement : statements(role.policy())) {
                    if (!strings(statement.path("Action")).contains("ec2:CreateTags")) {
                        continue;
                    }
                    String target = role.kind() + "/" + statement.path("Sid").asText();
                    boolean onCreate = !strings(statement.at("/Condition/StringEquals/ec2:CreateAction")).isEmpty();
                    boolean stateKeysOnly = strings(statement.at("/Condition/ForAllValues:StringEquals/aws:TagKeys"))
                            .equals(List.of("berth:fleet", "berth:last-activity"));
                    boolean ownedOnly = !statement.at("/Condition/StringEquals/aws:ResourceTag~1berth:deployment").isMissingNode();
                    assertTrue(onCreate || stateKeysOnly && ownedOnly, target + " allows CreateTags beyond create calls"
                            + " and the cluster state keys on owned resources");
                }
            }
        }
    }

    @Test
    void clusterStateTagsOnlyOnOwnResources() {
        JsonNode statement = statement(Examples.role(MANAGED_ROLES, RoleKind.USER_INITIATED), "RecordClusterState");

        assertEquals(List.of("ec2:CreateTags"), strings(statement.path("Action")));
        assertEquals(List.of("arn:aws:ec2:eu-west-1:123456789012:fleet/*", "arn:aws:ec2:eu-west-1:123456789012:instance/*",
                "arn:aws:ec2:eu-west-1:123456789012:launch-template/*"), strings(statement.path("Resource")));
        assertEquals("analytics", statement.at("/Condition/StringEquals/aws:ResourceTag~1berth:deployment").asText());
        assertEquals(List.of("berth:fleet", "berth:last-activity"),
                strings(statement.at("/Condition/ForAllValues:StringEquals/aws:TagKeys")));
    }

    @Test
    void configuredImageScopesLaunches() {
        List<GeneratedRole> pinned = Examples.generate(Configs.withImageId(QUICKSTART, "ami-0abc1234def567890"));

        assertEquals(List.of("arn:aws:ec2:eu-west-1::image/ami-0abc1234def567890"),
                strings(statement(Examples.role(pinned, RoleKind.USER_INITIATED), "LaunchFromImages").path("Resource")));
        assertEquals(List.of("arn:aws:ec2:eu-west-1::image/*"),
                strings(statement(Examples.role(MANAGED_ROLES, RoleKind.USER_INITIATED), "LaunchFromImages").path("Resource")));
    }

    @Test
    void listBucketOnlyUnderConfiguredPrefix() {
        JsonNode statement = statement(Examples.role(MANAGED_ROLES, RoleKind.WORKER), "ListBucketAcmeAnalyticsData");

        assertEquals(List.of("s3:ListBucket"), strings(statement.path("Action")));
        assertEquals(List.of("arn:aws:s3:::acme-analytics-data"), strings(statement.path("Resource")));
        assertEquals(List.of("polars/*"), strings(statement.at("/Condition/StringLike/s3:prefix")));
    }

    @Test
    void objectsOnlyUnderConfiguredPrefixes() {
        JsonNode managed = statement(Examples.role(MANAGED_ROLES, RoleKind.WORKER), "ReadWriteBucketObjects");
        JsonNode byon = statement(Examples.role(BYON_ROLES, RoleKind.WORKER), "ReadWriteBucketObjects");

        assertEquals(List.of("s3:GetObject", "s3:PutObject"), strings(managed.path("Action")));
        assertEquals(List.of("arn:aws:s3:::acme-analytics-data/polars/*"), strings(managed.path("Resource")));
        assertEquals(List.of("arn:aws:s3:::acme-reports/*", "arn:aws:s3:::acme-shared.exports/archive/2024/*",
                "arn:aws:s3:::acme-shared.exports/reporting/*"), strings(byon.path("Resource")));
    }

    @Test
    void bucketWithoutPrefixesListsWholeBucket() {
        JsonNode statement = statement(Examples.role(BYON_ROLES, RoleKind.WORKER), "ListBucketAcmeReports");

        assertEquals(List.of("arn:aws:s3:::acme-reports"), strings(statement.path("Resource")));
        assertTrue(statement.path("Condition").isMissingNode());
    }

    @Test
    void noBucketMeansNoWorkerStatement() {
        GeneratedRole worker = Examples.role(Examples.generate(Configs.withBuckets(QUICKSTART, List.of())), RoleKind.WORKER);

        assertEquals(List.of(), statements(worker.policy()));
        assertEquals(List.of(), worker.statements());
    }

    @Test
    void describeActionsOnStarWithNote() {
        for (GeneratedRole role : MANAGED_ROLES) {
            for (JsonNode statement : statements(role.policy())) {
                List<String> actions = strings(statement.path("Action"));
                if (actions.stream().allMatch(action -> action.startsWith("ec2:Describe"))) {
                    String sid = statement.path("Sid").asText();
                    assertEquals(List.of("*"), strings(statement.path("Resource")), sid);
                    assertEquals(IamPolicyGenerator.DESCRIBE_NOTE, reason(role, sid).scoping(), sid);
                }
            }
        }
    }

    @Test
    void starOnlyForUnscopableActions() {
        for (GeneratedRole role : MANAGED_ROLES) {
            for (JsonNode statement : statements(role.policy())) {
                if (strings(statement.path("Resource")).contains("*")) {
                    for (String action : strings(statement.path("Action"))) {
                        assertTrue(UnscopedActions.isUnscoped(action),
                                role.kind() + "/" + statement.path("Sid").asText() + " grants " + action + " on *");
                    }
                }
            }
        }
    }

    @Test
    void runtimeRolesTrustControlPlaneOnly() {
        for (RoleKind kind : List.of(RoleKind.USER_INITIATED, RoleKind.UNATTENDED)) {
            List<JsonNode> trust = statements(Examples.role(MANAGED_ROLES, kind).trustPolicy());

            assertEquals(2, trust.size());
            JsonNode assume = trust.get(0);
            assertEquals("sts:AssumeRole", assume.path("Action").asText());
            assertEquals("arn:aws:iam::111122223333:role/berth-control-plane", assume.at("/Principal/AWS").asText());
            assertEquals("5d1e0c7a-example", assume.at("/Condition/StringEquals/sts:ExternalId").asText());
            JsonNode tagSession = trust.get(1);
            assertEquals("sts:TagSession", tagSession.path("Action").asText());
            assertEquals("arn:aws:iam::111122223333:role/berth-control-plane", tagSession.at("/Principal/AWS").asText());
        }
    }

    @Test
    void workerTrustsOnlyEc2() {
        JsonNode trust = parse(Examples.role(MANAGED_ROLES, RoleKind.WORKER).trustPolicy()).path("Statement");

        assertEquals("ec2.amazonaws.com", trust.at("/Principal/Service").asText());
        assertEquals(1, trust.path("Principal").size());
        assertEquals("sts:AssumeRole", trust.path("Action").asText());
    }

    @Test
    void deployerTrustsOwnAccount() {
        JsonNode trust = parse(Examples.role(MANAGED_ROLES, RoleKind.DEPLOYER).trustPolicy()).path("Statement");

        assertEquals("arn:aws:iam::123456789012:root", trust.at("/Principal/AWS").asText());
    }

    @Test
    void roleNamesFollowConfig() {
        GeneratedRole worker = Examples.role(BYON_ROLES, RoleKind.WORKER);

        assertEquals("berth-reporting-worker", worker.name());
        assertEquals("/platform/berth/", worker.path());
        assertEquals("berth-reporting-worker", worker.instanceProfile());
        assertEquals("berth-analytics-user-initiated", Examples.role(MANAGED_ROLES, RoleKind.USER_INITIATED).name());
        assertNull(Examples.role(MANAGED_ROLES, RoleKind.USER_INITIATED).instanceProfile());
    }

    @Test
    void boundaryRequiredOnEveryRole() {
        String boundary = "arn:aws:iam::444455556666:policy/platform/berth-boundary";
        for (GeneratedRole role : BYON_ROLES) {
            assertEquals(boundary, role.permissionBoundary(), role.kind().id());
        }
        GeneratedRole deployer = Examples.role(BYON_ROLES, RoleKind.DEPLOYER);

        JsonNode create = statement(deployer, "CreateBoundedRuntimeRoles");
        assertEquals(List.of("iam:CreateRole", "iam:PutRolePermissionsBoundary"), strings(create.path("Action")));
        assertEquals(boundary, create.at("/Condition/StringEquals/iam:PermissionsBoundary").asText());
        assertFalse(strings(statement(deployer, "ManageRuntimeRoles").path("Action")).contains("iam:CreateRole"));
    }

    @Test
    void misspeltRegionRejectedBeforeGeneration() {
        InvalidConfigException error = assertThrows(InvalidConfigException.class,
                () -> Examples.generate(Configs.withRegion(QUICKSTART, "us-esat-2")));

        assertEquals("region", error.field());
        assertTrue(error.getMessage().contains("unknown AWS region 'us-esat-2'"), error.getMessage());
        assertTrue(error.fix().contains("such as us-east-2"), error.fix());
    }

    @Test
    void partitionFollowsRegion() {
        GeneratedRole china = Examples.role(Examples.generate(Configs.withRegion(QUICKSTART, "cn-north-1")), RoleKind.UNATTENDED);
        GeneratedRole govCloud = Examples.role(Examples.generate(Configs.withRegion(QUICKSTART, "us-gov-west-1")), RoleKind.UNATTENDED);

        assertEquals(List.of("arn:aws-cn:ec2:cn-north-1:123456789012:instance/*"),
                strings(statement(china, "TerminateOwnInstances").path("Resource")));
        assertEquals(List.of("arn:aws-us-gov:ec2:us-gov-west-1:123456789012:instance/*"),
                strings(statement(govCloud, "TerminateOwnInstances").path("Resource")));
    }

    @Test
    void accountVariableWithoutAccountId() {
        List<GeneratedRole> roles = Examples.generate(Configs.withAccountId(QUICKSTART, null));

        assertEquals(List.of("arn:aws:iam::${aws:PrincipalAccount}:role/berth/berth-analytics-worker"),
                strings(statement(Examples.role(roles, RoleKind.USER_INITIATED), "PassWorkerRole").path("Resource")));
        List<Finding> findings = new BuiltinPolicyValidator().validate(roles);
        assertEquals(1, findings.size(), () -> "expected only the deployer trust warning, got " + findings);
        assertEquals(BuiltinPolicyValidator.VARIABLE_IN_PRINCIPAL, findings.get(0).rule());
        assertEquals("deployer/trust/TrustOwnAccount", findings.get(0).target());
    }

    @Test
    void sidsAreUniqueLettersAndDigits() {
        for (GeneratedRole role : MANAGED_ROLES) {
            List<String> sids = statements(role.policy()).stream().map(statement -> statement.path("Sid").asText()).toList();
            assertEquals(sids.size(), new TreeSet<>(sids).size(), role.kind() + " repeats a Sid: " + sids);
            sids.forEach(sid -> assertTrue(sid.matches("[A-Za-z0-9]+"), sid));
            assertEquals(sids, role.statements().stream().map(GeneratedRole.StatementReason::sid).toList());
        }
    }

    @Test
    void outputIndependentOfRequirementOrder() {
        List<PermissionRequirement> requirements = new ArrayList<>();
        Examples.providersFor(QUICKSTART).all().forEach(provider -> requirements.addAll(provider.permissions(QUICKSTART)));
        Collections.shuffle(requirements, new Random(7));

        List<GeneratedRole> shuffled = new IamPolicyGenerator().generate(QUICKSTART, requirements);

        assertEquals(MANAGED_ROLES, shuffled);
    }

    @Test
    void examplesRaiseNoFinding() {
        assertEquals(List.of(), new BuiltinPolicyValidator().validate(MANAGED_ROLES));
        assertEquals(List.of(), new BuiltinPolicyValidator().validate(BYON_ROLES));
    }

    private static GeneratedRole.StatementReason reason(GeneratedRole role, String sid) {
        return role.statements().stream().filter(reason -> reason.sid().equals(sid)).findFirst().orElseThrow();
    }
}
