package io.berth.aws.internal;

import io.berth.api.InvalidConfigException;
import io.berth.api.config.DeploymentConfig;
import java.util.Comparator;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/** Finds the region a deployment's clients use and checks that AWS has it. */
public final class Regions {

    /**
     * A region and where it came from.
     *
     * @param region the region
     * @param source where it was set, such as {@code the config file} or {@code AWS_REGION}
     */
    public record ResolvedRegion(Region region, String source) {
    }

    private Regions() {
    }

    /** Resolves the config's region when there is a config, else the SDK's default region chain's. */
    public static ResolvedRegion resolve(DeploymentConfig config) {
        if (config != null) {
            return new ResolvedRegion(known("region", config.region(), "set region in the config file"),
                    "region in the config file");
        }
        String name;
        try {
            name = new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (SdkClientException e) {
            throw new InvalidConfigException("AWS_REGION", "no AWS region is set", noRegionFix());
        }
        String source = defaultChainSource();
        return new ResolvedRegion(known(source, name, "set " + source), source);
    }

    /**
     * Returns the region when this SDK lists it, and raises naming the setting otherwise.
     * The SDK's list is the partition metadata it was built with.
     */
    // NOTE: a region AWS opens after SDK 2.42.4 was released is reported as unknown until
    // Berth moves to a newer SDK.
    static Region known(String setting, String name, String fixPrefix) {
        Region region = Region.of(name);
        if (Region.regions().contains(region) && !region.isGlobalRegion()) {
            return region;
        }
        String nearest = nearest(name);
        throw new InvalidConfigException(setting, "unknown AWS region '" + name + "'",
                fixPrefix + " to a known region, such as " + nearest + " (the nearest known name); "
                        + "`aws ec2 describe-regions` lists the regions of your account");
    }

    private static String defaultChainSource() {
        if (notBlank(System.getProperty("aws.region"))) {
            return "system property aws.region";
        }
        if (notBlank(System.getenv("AWS_REGION"))) {
            return "AWS_REGION";
        }
        String profile = CredentialSources.profileName();
        Optional<String> profileRegion = ProfileFile.defaultProfileFile().profile(profile)
                .flatMap(found -> found.property(ProfileProperty.REGION));
        if (profileRegion.isPresent()) {
            return "region of profile '" + profile + "'";
        }
        return "EC2 instance metadata";
    }

    private static String noRegionFix() {
        String fix = "set AWS_REGION, set region in your AWS profile, or pass --config with a berth.yaml that sets region";
        if (notBlank(System.getenv("AWS_DEFAULT_REGION"))) {
            fix += " (AWS_DEFAULT_REGION is set, but the AWS SDK for Java reads AWS_REGION)";
        }
        return fix;
    }

    private static String nearest(String name) {
        return Region.regions().stream()
                .filter(region -> !region.isGlobalRegion())
                .filter(region -> RegionMetadata.of(region) != null)
                .map(Region::id)
                .min(Comparator.comparingInt((String id) -> editDistance(id, name)).thenComparing(id -> id))
                .orElse("eu-west-1");
    }

    /** Computes the Levenshtein distance: how many single-character edits turn one string into the other. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
