package io.berth.aws.internal;

import io.berth.api.InvalidConfigException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.TreeSet;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.useragent.BusinessMetricFeatureId;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;

/** Names where the default credential chain found its credentials, and checks the named profile. */
final class CredentialSources {

    private static final String PROFILE_PROPERTY = ProfileFileSystemSetting.AWS_PROFILE.property();
    private static final String PROFILE_VARIABLE = ProfileFileSystemSetting.AWS_PROFILE.environmentVariable();

    private static final Map<String, String> FEATURES = Arrays.stream(BusinessMetricFeatureId.values())
            .filter(feature -> feature.name().startsWith("CREDENTIALS_"))
            .collect(Collectors.toMap(BusinessMetricFeatureId::value, Enum::name, (first, second) -> first));

    private CredentialSources() {
    }

    /** Returns the profile the SDK reads: {@code aws.profile}, else {@code AWS_PROFILE}, else {@code default}. */
    static String profileName() {
        return namedProfile().orElse("default");
    }

    /**
     * Raises when {@code AWS_PROFILE} (or {@code aws.profile}) names a profile that neither
     * profile file has, as the AWS CLI does. The SDK alone would skip to the next source.
     */
    static void checkNamedProfile() {
        Optional<String> named = namedProfile();
        if (named.isEmpty()) {
            return;
        }
        ProfileFile profiles = ProfileFile.defaultProfileFile();
        if (profiles.profile(named.get()).isPresent()) {
            return;
        }
        String setting = notBlank(System.getProperty(PROFILE_PROPERTY)) ? "system property " + PROFILE_PROPERTY : PROFILE_VARIABLE;
        String known = String.join(", ", new TreeSet<>(profiles.profiles().keySet()));
        throw new InvalidConfigException(setting,
                "profile '" + named.get() + "' not found in " + ProfileFileLocation.configurationFilePath()
                        + " or " + ProfileFileLocation.credentialsFilePath(),
                known.isEmpty()
                        ? "create it with `aws configure --profile " + named.get() + "`, or unset " + setting
                        : "use one of the profiles there (" + known + "), or unset " + setting);
    }

    // Read directly: ProfileFileSystemSetting.getStringValue() returns "default" when neither is set.
    private static Optional<String> namedProfile() {
        String property = System.getProperty(PROFILE_PROPERTY);
        if (notBlank(property)) {
            return Optional.of(property.trim());
        }
        String variable = System.getenv(PROFILE_VARIABLE);
        return notBlank(variable) ? Optional.of(variable.trim()) : Optional.empty();
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * Describes where the credentials came from, without any key. SDK 2.42.4 reports the
     * source as business metric codes of {@link BusinessMetricFeatureId}, such as {@code g}
     * for environment variables, comma-separated when one source led to another.
     */
    static String describe(AwsCredentials credentials) {
        List<String> sources = new ArrayList<>();
        for (String code : credentials.providerName().orElse("").split(",")) {
            String feature = FEATURES.get(code.trim());
            String source = feature == null ? null : describeFeature(feature);
            if (source != null && !sources.contains(source)) {
                sources.add(source);
            }
        }
        String described = sources.isEmpty() ? "the SDK's default credential chain" : String.join(", then ", sources);
        if (credentials instanceof AwsSessionCredentials) {
            described += " (temporary, with a session token)";
        }
        return described;
    }

    private static String describeFeature(String feature) {
        return switch (feature) {
            case "CREDENTIALS_JVM_SYSTEM_PROPERTIES" -> "system properties aws.accessKeyId and aws.secretAccessKey";
            case "CREDENTIALS_ENV_VARS" -> "environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";
            case "CREDENTIALS_ENV_VARS_STS_WEB_ID_TOKEN", "CREDENTIALS_STS_ASSUME_ROLE_WEB_ID" ->
                    "web identity token (AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN)";
            case "CREDENTIALS_PROFILE", "CREDENTIALS_PROFILE_SOURCE_PROFILE", "CREDENTIALS_PROFILE_NAMED_PROVIDER",
                    "CREDENTIALS_PROFILE_STS_WEB_ID_TOKEN", "CREDENTIALS_PROFILE_PROCESS",
                    "CREDENTIALS_PROFILE_LOGIN" -> "profile '" + profileName() + "'";
            case "CREDENTIALS_PROFILE_SSO", "CREDENTIALS_PROFILE_SSO_LEGACY", "CREDENTIALS_SSO",
                    "CREDENTIALS_SSO_LEGACY" -> "IAM Identity Center (SSO) through profile '" + profileName() + "'";
            case "CREDENTIALS_STS_ASSUME_ROLE" -> "STS AssumeRole";
            case "CREDENTIALS_PROCESS" -> "credential_process of profile '" + profileName() + "'";
            case "CREDENTIALS_HTTP" -> "container credentials endpoint";
            case "CREDENTIALS_IMDS" -> "EC2 instance profile";
            default -> null;
        };
    }
}
