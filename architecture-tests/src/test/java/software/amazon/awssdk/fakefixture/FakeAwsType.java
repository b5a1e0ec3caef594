package software.amazon.awssdk.fakefixture;

/** Stands in for an AWS SDK type in the architecture rule fixtures. */
public class FakeAwsType {
}
