package io.berth.fleet;

import io.berth.api.InvalidConfigException;
import io.berth.api.config.DeploymentConfig;
import io.berth.aws.AwsErrors;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;

/**
 * The machine image workers boot from: {@code workers.imageId} when configured, else the newest
 * Amazon Linux 2023 image of the instance type's architecture.
 *
 * @param rootDeviceName the image's root device, which the launch template maps to an encrypted volume
 */
record WorkerImage(String imageId, String rootDeviceName) {

    /** Amazon's own account alias for the images it publishes. */
    private static final String AMAZON = "amazon";

    static WorkerImage resolve(Ec2Client ec2, DeploymentConfig config, String architecture) {
        String configured = config.workers().imageId();
        return configured == null ? newestAmazonLinux(ec2, config, architecture) : configured(ec2, config, configured, architecture);
    }

    private static WorkerImage configured(Ec2Client ec2, DeploymentConfig config, String imageId, String architecture) {
        List<Image> images;
        try {
            images = ec2.describeImages(request -> request.imageIds(imageId)).images();
        } catch (Ec2Exception e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            if (code.startsWith("InvalidAMIID")) {
                images = List.of();
            } else {
                throw AwsErrors.translate("ec2:DescribeImages", e);
            }
        } catch (SdkException e) {
            throw AwsErrors.translate("ec2:DescribeImages", e);
        }
        if (images.isEmpty()) {
            throw new InvalidConfigException("workers.imageId", "image " + imageId + " was not found in " + config.region(),
                    "name an image of " + config.region() + " that this account may launch, or remove the key to use"
                            + " Amazon Linux 2023");
        }
        Image image = images.get(0);
        if (!architecture.equals(image.architectureAsString())) {
            throw new InvalidConfigException("workers.imageId", "image " + imageId + " is built for "
                    + image.architectureAsString() + ", but the instance type needs " + architecture,
                    "choose an image for " + architecture + " or instance types for " + image.architectureAsString());
        }
        return new WorkerImage(image.imageId(), image.rootDeviceName());
    }

    private static WorkerImage newestAmazonLinux(Ec2Client ec2, DeploymentConfig config, String architecture) {
        List<Image> images = AwsErrors.call("ec2:DescribeImages", () -> ec2.describeImagesPaginator(request -> request
                        .owners(AMAZON)
                        .filters(Filter.builder().name("name").values("al2023-ami-2023.*-kernel-*-" + architecture).build(),
                                Filter.builder().name("architecture").values(architecture).build(),
                                Filter.builder().name("state").values("available").build()))
                .images().stream().toList());
        Image newest = images.stream()
                .max(Comparator.comparing((Image image) -> image.creationDate() == null ? "" : image.creationDate())
                        .thenComparing(Image::name))
                .orElseThrow(() -> new InvalidConfigException("workers.imageId", "no Amazon Linux 2023 image for "
                        + architecture + " was found in " + config.region(), "set workers.imageId to the image workers boot from"));
        return new WorkerImage(newest.imageId(), newest.rootDeviceName());
    }
}
