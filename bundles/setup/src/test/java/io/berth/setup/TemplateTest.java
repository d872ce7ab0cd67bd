package io.berth.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.berth.api.ActiveProviders;
import io.berth.api.DeploymentContext;
import io.berth.api.DeploymentTemplate;
import io.berth.api.Finding;
import io.berth.api.InvalidConfigException;
import io.berth.api.NetworkProvider;
import io.berth.api.PermissionRequirement;
import io.berth.api.PlanRefusedException;
import io.berth.api.PlannedResource;
import io.berth.api.PolicyChecker;
import io.berth.api.Severity;
import io.berth.api.config.DeploymentConfig;
import io.berth.fleet.DefaultFleetProvider;
import io.berth.network.byon.AdoptedNetworkProvider;
import io.berth.network.managed.ManagedNetworkProvider;
import io.berth.policy.IamPolicyGenerator;
import io.berth.policy.RulePolicyChecker;
import io.berth.api.config.RulesConfig;
import io.berth.api.RoleKind;
import io.berth.api.Plan;
import io.berth.api.CompanyRules;
import io.berth.reaper.DefaultReaperProvider;
import io.berth.roles.DefaultRoleProvider;
import io.berth.securitygroups.DefaultSecurityGroupProvider;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates of the example configs, rendered by the setup service from the real policy and provider bundles. */
class TemplateTest {

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void quickstartResourcesInApplyOrder() throws Exception {
        DeploymentTemplate template = render(example("quickstart"));

        assertEquals(List.of("Vpc", "SubnetA", "SubnetB", "InternetGateway", "InternetGatewayAttachment", "RouteTable",
                        "DefaultRoute", "SubnetARouteTableAssociation", "SubnetBRouteTableAssociation",
                        "DirectSecurityGroup", "DirectSecurityGroupIngressWithinGroup",
                        "DirectSecurityGroupIngressTcp443From203x0x113x0n24", "ProxySecurityGroup",
                        "ProxySecurityGroupIngressWithinGroup", "UserInitiatedRole", "UnattendedRole", "WorkerRole",
                        "WorkerInstanceProfile"),
                List.copyOf(section(template, "Resources").keySet()));
        assertEquals(List.of("VpcId", "SubnetIds", "DirectSecurityGroupId", "ProxySecurityGroupId", "UserInitiatedRoleArn",
                        "UnattendedRoleArn", "WorkerRoleArn", "WorkerInstanceProfileArn"),
                List.copyOf(section(template, "Outputs").keySet()));
    }

    @Test
    void quickstartCarriesNoConfiguredAccountOrRegion() throws Exception {
        String json = JSON.writeValueAsString(render(example("quickstart")).document());

        assertFalse(json.contains("123456789012"), "the configured account id is in the template");
        assertFalse(json.contains("eu-west-1"), "the configured region is in the template");
        assertTrue(json.contains("\"arn:${AWS::Partition}:iam::${AWS::AccountId}:role/berth/berth-analytics-worker\""),
                "the worker role ARN has no pseudo parameters");
    }

    @Test
    void controlPlanePrincipalStaysLiteral() throws Exception {
        String json = JSON.writeValueAsString(render(example("quickstart")).document());

        assertTrue(json.contains("\"AWS\":\"arn:aws:iam::111122223333:role/berth-control-plane\""),
                "the control-plane principal is not in the trust policies as configured");
    }

    @Test
    void byonTakesNetworkAsTypedParameters() throws Exception {
        DeploymentTemplate template = render(example("byon-proxy"));

        Map<String, Object> parameters = section(template, "Parameters");
        assertEquals(Map.of("Type", "AWS::EC2::VPC::Id",
                        "Description", "The existing VPC to adopt (network.byon.vpcId); it is never modified",
                        "Default", "vpc-0abc1234def567890"),
                parameters.get("VpcId"));
        assertEquals("List<AWS::EC2::Subnet::Id>", ((Map<?, ?>) parameters.get("SubnetIds")).get("Type"));
        assertFalse(section(template, "Resources").containsKey("Vpc"));
        assertEquals(Map.of("Ref", "VpcId"), property(template, "DirectSecurityGroup", "VpcId"));
    }

    @Test
    void boundaryInConfiguredAccountUsesPseudoParameters() throws Exception {
        DeploymentTemplate template = render(example("byon-proxy"));

        assertEquals(Map.of("Fn::Sub", "arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/platform/berth-boundary"),
                property(template, "WorkerRole", "PermissionsBoundary"));
    }

    @Test
    void workerWithoutBucketsGetsNoInlinePolicy() throws Exception {
        DeploymentConfig config = example("quickstart");
        DeploymentConfig withoutBuckets = new DeploymentConfig(config.deployment(), config.region(), config.accountId(),
                config.mode(), config.network(), config.ingress(), List.of(), config.controlPlane(), config.roles(),
                config.rules(), config.tags(), config.admin());

        DeploymentTemplate template = render(withoutBuckets);

        assertNull(property(template, "WorkerRole", "Policies"));
        assertTrue(property(template, "UserInitiatedRole", "Policies") instanceof List<?>);
    }

    @Test
    void renderingTwiceGivesTheSameDocument() throws Exception {
        DeploymentConfig config = example("quickstart");

        assertEquals(JSON.writeValueAsString(render(config).document()), JSON.writeValueAsString(render(config).document()));
    }

    @Test
    void findingAtFailOnRefusesTemplate() throws Exception {
        Finding error = new Finding("test-rule", Severity.ERROR, "worker", "a test finding", "");

        PlanRefusedException refused = assertThrows(PlanRefusedException.class,
                () -> render(example("quickstart"), plan -> List.of(error)));

        assertEquals(List.of(error), refused.findings());
        assertTrue(refused.getMessage().contains("stop the template; no template was written"), refused.getMessage());
    }

    @Test
    void findingBelowFailOnIsKeptWithTemplate() throws Exception {
        Finding warning = new Finding("test-rule", Severity.WARNING, "worker", "a test finding", "");

        DeploymentTemplate template = render(example("quickstart"), plan -> List.of(warning));

        assertEquals(List.of(warning), template.plan().findings());
    }

    @Test
    void networkProviderWithoutTemplateIsInvalidConfig() throws Exception {
        DeploymentConfig config = example("quickstart");
        ActiveProviders providers = new ActiveProviders(new UntemplatedNetwork(), new DefaultSecurityGroupProvider(),
                new DefaultRoleProvider(), new DefaultFleetProvider(), new DefaultReaperProvider());

        InvalidConfigException invalid = assertThrows(InvalidConfigException.class,
                () -> service(new RulePolicyChecker(NO_COMPANY_FINDINGS)).template(config, providers));

        assertEquals("network.provider", invalid.field());
    }

    /** Company rules that find nothing, so that these tests see the built-in validation alone. */
    private static final CompanyRules NO_COMPANY_FINDINGS = new CompanyRules() {
        @Override
        public List<Finding> evaluate(Plan plan) {
            return List.of();
        }

        @Override
        public List<Finding> evaluateInput(String inputJson, RulesConfig rules) {
            return List.of();
        }

        @Override
        public List<Finding> evaluatePolicy(RoleKind kind, String policyJson, RulesConfig rules) {
            return List.of();
        }
    };

    private static DeploymentTemplate render(DeploymentConfig config) throws Exception {
        return render(config, new RulePolicyChecker(NO_COMPANY_FINDINGS));
    }

    private static DeploymentTemplate render(DeploymentConfig config, PolicyChecker checker) throws Exception {
        NetworkProvider network = new ManagedNetworkProvider().accepts(config)
                ? new ManagedNetworkProvider()
                : new AdoptedNetworkProvider();
        ActiveProviders providers = new ActiveProviders(network, new DefaultSecurityGroupProvider(),
                new DefaultRoleProvider(), new DefaultFleetProvider(), new DefaultReaperProvider());
        return service(checker).template(config, providers);
    }

    /** Returns the service as Declarative Services would wire it, without the AWS clients that a template never uses. */
    private static DefaultSetupService service(PolicyChecker checker) throws Exception {
        DefaultSetupService service = new DefaultSetupService();
        set(service, "generator", new IamPolicyGenerator());
        set(service, "checker", checker);
        return service;
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field declared = target.getClass().getDeclaredField(field);
        declared.setAccessible(true);
        declared.set(target, value);
    }

    private static DeploymentConfig example(String name) throws IOException {
        return YAML.readValue(Path.of("../../examples", name + ".yaml").toFile(), DeploymentConfig.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(DeploymentTemplate template, String name) {
        return (Map<String, Object>) template.document().get(name);
    }

    @SuppressWarnings("unchecked")
    private static Object property(DeploymentTemplate template, String resource, String property) {
        Map<String, Object> entry = (Map<String, Object>) section(template, "Resources").get(resource);
        return ((Map<String, Object>) entry.get("Properties")).get(property);
    }

    /** A network provider of a customer's own, which does not implement {@code Provider.template}. */
    private static final class UntemplatedNetwork implements NetworkProvider {
        @Override
        public String name() {
            return "example.untemplated";
        }

        @Override
        public List<PermissionRequirement> permissions(DeploymentConfig config) {
            return List.of();
        }

        @Override
        public List<PlannedResource> plan(DeploymentConfig config) {
            return List.of();
        }

        @Override
        public void apply(DeploymentContext context) {
        }

        @Override
        public void destroy(DeploymentContext context) {
        }
    }
}
