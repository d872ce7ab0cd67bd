package io.berth.api.config;

/**
 * Settings of the reaper.
 *
 * @param schedule the interval between the passes that {@code berth serve} runs, such as
 *                 {@code 15m}, {@code 2h} or {@code 45s}; null for no scheduled passes
 * @param pageSize the maximum number of results each Describe call of a pass requests, 5 to 1000
 */
public record ReaperConfig(String schedule, Integer pageSize) {
    public static final ReaperConfig DEFAULT = new ReaperConfig(null, null);

    /** The page size when none is configured: the maximum DescribeInstances accepts. */
    public static final int DEFAULT_PAGE_SIZE = 1000;

    public ReaperConfig {
        pageSize = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
    }
}
