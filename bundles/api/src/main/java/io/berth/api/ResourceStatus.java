package io.berth.api;

/**
 * What exists in the cloud for one planned resource.
 *
 * @param type   the resource type, such as {@code AWS::EC2::Subnet}
 * @param name   the resource's name within the deployment, such as {@code subnet-a}
 * @param id     its AWS id or ARN, or null when it is missing
 * @param state  {@code present}, {@code missing}, {@code drifted} or {@code adopted}
 * @param detail what drifted, or what was checked on an adopted resource
 */
public record ResourceStatus(String type, String name, String id, String state, String detail) {

    public static final String PRESENT = "present";
    public static final String MISSING = "missing";
    public static final String DRIFTED = "drifted";
    public static final String ADOPTED = "adopted";

    public boolean inSync() {
        return PRESENT.equals(state) || ADOPTED.equals(state);
    }
}
