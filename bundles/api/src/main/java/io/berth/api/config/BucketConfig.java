package io.berth.api.config;

import java.util.List;

/**
 * An S3 bucket workers may read and write.
 *
 * @param name     the bucket name
 * @param prefixes key prefixes workers are limited to; empty for the whole bucket
 */
public record BucketConfig(String name, List<String> prefixes) {
    public BucketConfig {
        prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
    }
}
