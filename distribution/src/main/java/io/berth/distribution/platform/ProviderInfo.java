package io.berth.distribution.platform;

/**
 * One registered service of a tracked type.
 *
 * @param name     its {@code berth.provider.name}, or the implementation class when it has none
 * @param bundle   the symbolic name of the bundle that registered it
 * @param version  that bundle's version
 * @param ranking  its {@code service.ranking}
 * @param serviceId the framework's service id
 */
public record ProviderInfo(String name, String bundle, String version, int ranking, long serviceId) {
}
