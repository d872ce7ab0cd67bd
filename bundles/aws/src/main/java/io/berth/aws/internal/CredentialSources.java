package io.berth.aws.internal;

import io.berth.api.InvalidConfigException;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;

/** Names where the default credential chain found its credentials, and checks the named profile. */
final class CredentialSources {

    private CredentialSources() {
    }

    /** The profile the SDK reads: {@code aws.profile}, else {@code AWS_PROFILE}, else {@code default}. */
    static String profileName() {
        return ProfileFileSystemSetting.AWS_PROFILE.getStringValue().filter(name -> !name.isBlank()).orElse("default");
    }

    /**
     * Raises when {@code AWS_PROFILE} (or {@code aws.profile}) names a profile that neither
     * profile file has, as the AWS CLI does. The SDK alone would skip to the next source.
     */
    static void checkNamedProfile() {
        Optional<String> named = ProfileFileSystemSetting.AWS_PROFILE.getStringValue().filter(name -> !name.isBlank());
        if (named.isEmpty()) {
            return;
        }
        ProfileFile profiles = ProfileFile.defaultProfileFile();
        if (profiles.profile(named.get()).isPresent()) {
            return;
        }
        String setting = System.getProperty(ProfileFileSystemSetting.AWS_PROFILE.property()) != null
                ? "system property " + ProfileFileSystemSetting.AWS_PROFILE.property()
                : ProfileFileSystemSetting.AWS_PROFILE.environmentVariable();
        String known = String.join(", ", new TreeSet<>(profiles.profiles().keySet()));
        throw new InvalidConfigException(setting,
                "profile '" + named.get() + "' not found in " + ProfileFileLocation.configurationFilePath()
                        + " or " + ProfileFileLocation.credentialsFilePath(),
                known.isEmpty()
                        ? "create it with `aws configure --profile " + named.get() + "`, or unset " + setting
                        : "use one of the profiles there (" + known + "), or unset " + setting);
    }

    /** Describes where the credentials came from, without any key. */
    static String describe(AwsCredentials credentials) {
        String provider = credentials.providerName().orElse("");
        String source;
        if (provider.contains("SystemProperty")) {
            source = "system properties aws.accessKeyId and aws.secretAccessKey";
        } else if (provider.contains("EnvironmentVariable")) {
            source = "environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";
        } else if (provider.contains("WebIdentity")) {
            source = "web identity token file (AWS_WEB_IDENTITY_TOKEN_FILE)";
        } else if (provider.contains("Profile") || provider.contains("Sso") || provider.contains("Process")) {
            source = "profile '" + profileName() + "'";
        } else if (provider.contains("Container")) {
            source = "container credentials endpoint";
        } else if (provider.contains("InstanceProfile")) {
            source = "EC2 instance profile";
        } else if (provider.contains("StsAssumeRole")) {
            source = "STS AssumeRole";
        } else {
            source = provider.isEmpty() ? "the SDK's default credential chain" : provider;
        }
        if (credentials instanceof AwsSessionCredentials) {
            source += ", temporary with a session token";
        }
        return source;
    }
}
