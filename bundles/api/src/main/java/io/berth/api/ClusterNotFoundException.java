package io.berth.api;

/** Raised when no running cluster has the requested name. The REST API responds with 404, and the CLI exits with 2. */
public class ClusterNotFoundException extends InvalidConfigException {
    private static final long serialVersionUID = 1L;

    private final String clusterName;

    public ClusterNotFoundException(String clusterName, String deployment) {
        super("name", "no cluster named " + clusterName + " is running in deployment " + deployment,
                "list the running clusters with `berth clusters list` or GET /api/v1/clusters");
        this.clusterName = clusterName;
    }

    public String clusterName() {
        return clusterName;
    }
}
