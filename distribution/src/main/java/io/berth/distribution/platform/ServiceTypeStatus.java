package io.berth.distribution.platform;

import java.util.List;

/**
 * The providers of one service type.
 *
 * @param type         the service type, such as {@code network}
 * @param interfaceName the Java interface it is registered under
 * @param active       the provider used when config names none, or null when there is none
 * @param alternatives the other registered providers, highest ranking first
 */
public record ServiceTypeStatus(String type, String interfaceName, ProviderInfo active, List<ProviderInfo> alternatives) {
}
