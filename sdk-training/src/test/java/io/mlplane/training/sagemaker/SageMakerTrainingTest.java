package io.mlplane.training.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlplane.core.BackendException;
import io.mlplane.core.MlProvider;
import io.mlplane.core.MlProviders;
import io.mlplane.core.Plan;
import io.mlplane.core.QuotaExceededException;
import io.mlplane.core.ThrottledException;
import io.mlplane.core.ValidationException;
import io.mlplane.core.mock.JobScript;
import io.mlplane.core.mock.VirtualClock;
import io.mlplane.core.sagemaker.SageMakerConfig;
import io.mlplane.core.testing.AwsModelValidator;
import io.mlplane.training.Channel;
import io.mlplane.training.Compression;
import io.mlplane.training.DataDistribution;
import io.mlplane.training.InputMode;
import io.mlplane.training.LogEvent;
import io.mlplane.training.Spot;
import io.mlplane.training.TrainingJob;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.TrainingJobStatus;
import io.mlplane.training.TrainingResult;
import io.mlplane.training.VpcConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** What is specific to SageMaker: the wire form of requests, idempotency tags, errors, List-based polling. */
class SageMakerTrainingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "canary-sagemaker-secret-41";

    private final VirtualClock clock = VirtualClock.create();
    private FakeSageMaker fake;
    private MlProvider ml;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeSageMaker(clock);
        ml = SageMakerTestSupport.provider(fake, clock);
    }

    @AfterEach
    void stop() {
        ml.close();
        fake.close();
        assertThat(fake.violations()).isEmpty();
    }

    static TrainingJobSpec richSpec(String name) {
        return TrainingJobSpec.builder().name(name)
                .image("683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1")
                .instanceType("ml.p3.2xlarge").instanceCount(2).volumeSizeGb(100).volumeKmsKeyId("alias/ml-volumes")
                .inputMode(InputMode.FILE)
                .channel(Channel.builder().name("train").uri("s3://acme/train/").contentType("application/x-recordio")
                        .compression(Compression.GZIP).inputMode(InputMode.PIPE)
                        .distribution(DataDistribution.SHARDED_BY_S3_KEY).shuffleSeed(7L).build())
                .channel(Channel.builder().name("validation").uri("s3://acme/validation/").build())
                .hyperparameter("num_round", 300).hyperparameter("eta", 0.1)
                .outputUri("s3://acme/models/").outputKmsKeyId("arn:aws:kms:us-east-1:123456789012:key/abc")
                .maxRuntime(Duration.ofHours(4))
                .spot(Spot.builder().maxWait(Duration.ofHours(8)).checkpointUri("s3://acme/ckpt/").build())
                .environment("MODE", "train").secretEnvironment("WANDB_API_KEY", SECRET)
                .metricDefinition("validation:auc", "validation-auc:([0-9\\.]+)")
                .vpcConfig(VpcConfig.of(List.of("sg-0a1b2c"), List.of("subnet-0a1b", "subnet-0c2d")))
                .networkIsolation(true).interContainerTrafficEncryption(true).tag("team", "growth").build();
    }

    private static JsonNode body(Plan plan) {
        try {
            return JSON.readTree(plan.toJson()).path("requests").get(0).path("body");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void planIsTheCreateTrainingJobWireRequestAndConformsToTheServiceModel() {
        Plan plan = ml.plan(richSpec("rich-job"));

        assertThat(plan.backend()).isEqualTo("sagemaker");
        assertThat(plan.requests()).singleElement().satisfies(r -> {
            assertThat(r.service()).isEqualTo("sagemaker");
            assertThat(r.operation()).isEqualTo("CreateTrainingJob");
        });
        JsonNode body = body(plan);
        assertThat(AwsModelValidator.sageMaker().validateInput("CreateTrainingJob", body)).isEmpty();
        assertThat(body.path("TrainingJobName").asText()).isEqualTo("rich-job");
        assertThat(body.path("RoleArn").asText()).isEqualTo(SageMakerTestSupport.ROLE);
        assertThat(body.path("AlgorithmSpecification").path("TrainingInputMode").asText()).isEqualTo("File");
        assertThat(body.path("InputDataConfig").get(0).path("InputMode").asText()).isEqualTo("Pipe");
        assertThat(body.path("InputDataConfig").get(0).path("CompressionType").asText()).isEqualTo("Gzip");
        assertThat(body.path("InputDataConfig").get(0).path("ShuffleConfig").path("Seed").asLong()).isEqualTo(7);
        assertThat(body.path("InputDataConfig").get(0).path("DataSource").path("S3DataSource").path("S3DataDistributionType")
                .asText()).isEqualTo("ShardedByS3Key");
        assertThat(body.path("InputDataConfig").get(1).path("InputMode").asText()).isEqualTo("File");
        assertThat(body.path("EnableManagedSpotTraining").asBoolean()).isTrue();
        assertThat(body.path("StoppingCondition").path("MaxRuntimeInSeconds").asInt()).isEqualTo(4 * 3600);
        assertThat(body.path("StoppingCondition").path("MaxWaitTimeInSeconds").asInt()).isEqualTo(8 * 3600);
        assertThat(body.path("CheckpointConfig").path("S3Uri").asText()).isEqualTo("s3://acme/ckpt/");
        assertThat(body.path("CheckpointConfig").path("LocalPath").asText()).isEqualTo("/opt/ml/checkpoints");
        assertThat(body.path("ResourceConfig").path("InstanceCount").asInt()).isEqualTo(2);
        assertThat(body.path("ResourceConfig").path("VolumeKmsKeyId").asText()).isEqualTo("alias/ml-volumes");
        assertThat(body.path("HyperParameters").path("eta").asText()).isEqualTo("0.1");
        assertThat(body.path("VpcConfig").path("Subnets")).hasSize(2);
        assertThat(body.path("EnableNetworkIsolation").asBoolean()).isTrue();
        assertThat(body.path("Environment").path("WANDB_API_KEY").asText()).isEqualTo("****");
        assertThat(body.path("Tags").findValuesAsText("Key")).containsExactly("team", "mlplane:spec-hash");
        assertThat(plan.toJson()).doesNotContain(SECRET);
        assertThat(fake.totalRequests()).as("plan sends nothing").isZero();
    }

    @Test
    void whatIsSentIsExactlyThePlanWithTheSecretRevealed() {
        TrainingJobSpec spec = richSpec("sent-job");
        JsonNode planned = body(ml.plan(spec));

        ml.submit(spec);

        ObjectNode sent = fake.createRequest("sent-job").deepCopy();
        assertThat(sent.path("Environment").path("WANDB_API_KEY").asText()).isEqualTo(SECRET);
        ((ObjectNode) sent.path("Environment")).put("WANDB_API_KEY", "****");
        assertThat(sent).isEqualTo(planned);
    }

    @Test
    void planNeedsNoCredentialsAndNoNetwork() {
        try (MlProvider offline = MlProviders.sageMaker(SageMakerConfig.builder().region("eu-west-1")
                .roleArn(SageMakerTestSupport.ROLE).endpointOverride(URI.create("http://127.0.0.1:9")).build())) {
            JsonNode body = body(offline.plan(richSpec("offline")));
            assertThat(AwsModelValidator.sageMaker().validateInput("CreateTrainingJob", body)).isEmpty();
            assertThat(offline.unwrap(SageMakerClient.class)).isNotNull();
        }
    }

    @Test
    void whatOnlySageMakerRefusesIsCaughtBeforeAnyRequest() {
        TrainingJobSpec local = TrainingJobSpec.builder().name("local-paths").image("img").instanceType("ml.banana.huge")
                .channel(Channel.builder().name("train").uri("file:///data/train").build())
                .outputUri("file:///tmp/out")
                .spot(Spot.builder().maxWait(Duration.ofDays(2)).checkpointUri("file:///tmp/ckpt").build()).build();

        assertThatThrownBy(() -> ml.submit(local)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.fields()).containsExactly("instanceType", "channels[0].uri", "outputUri", "spot.checkpointUri");
            assertThat(e).hasMessageContaining("only s3:// URIs");
        });
        assertThatThrownBy(() -> ml.plan(local)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ml.submit(richSpec("x").toBuilder().tag("mlplane:spec-hash", "forged").build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fields()).containsExactly("tags['mlplane:spec-hash']"));
        assertThat(fake.totalRequests()).as("no HTTP request for an invalid spec").isZero();
    }

    @Test
    void entryPointBecomesTheContainerEntrypointAndJavaAlgorithmsAreRefused() {
        TrainingJobSpec withEntryPoint = richSpec("entry").toBuilder().entryPoint("python3", "train.py").build();

        JsonNode body = body(ml.plan(withEntryPoint));

        assertThat(body.path("AlgorithmSpecification").path("ContainerEntrypoint").toString())
                .isEqualTo("[\"python3\",\"train.py\"]");
        assertThat(AwsModelValidator.sageMaker().validateInput("CreateTrainingJob", body)).isEmpty();
        TrainingJobSpec javaOnly = TrainingJobSpec.builder().name("java-only").instanceType("ml.m5.large")
                .algorithm(ctx -> { }).outputUri("s3://b/out/").build();
        assertThatThrownBy(() -> ml.submit(javaOnly)).isInstanceOfSatisfying(io.mlplane.core.UnsupportedFeatureException.class,
                e -> {
                    assertThat(e.feature()).isEqualTo("IN_PROCESS_ALGORITHM");
                    assertThat(e.backend()).isEqualTo("sagemaker");
                });
        assertThatThrownBy(() -> ml.plan(TrainingJobSpec.builder().name("no-image").instanceType("ml.m5.large")
                .entryPoint("python3", "train.py").outputUri("s3://b/out/").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields()).containsExactly("image"));
        assertThat(fake.totalRequests()).isZero();
    }

    @Test
    void backendErrorsAreTranslated() {
        SageMakerConfig once = SageMakerTestSupport.config(fake, clock).maxAttempts(1).build();
        try (MlProvider single = MlProviders.sageMaker(once)) {
            fake.failNext("CreateTrainingJob", 400, "ResourceLimitExceeded", "The account-level service limit 'ml.p3.2xlarge for training job usage' is 0");
            assertThatThrownBy(() -> single.submit(richSpec("quota"))).isInstanceOfSatisfying(QuotaExceededException.class, e -> {
                assertThat(e.errorCode()).isEqualTo("ResourceLimitExceeded");
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.requestId()).isNotBlank();
                assertThat(e.retryable()).isFalse();
                assertThat(e.getCause()).isInstanceOf(software.amazon.awssdk.awscore.exception.AwsServiceException.class);
            });
            fake.failNext("CreateTrainingJob", 400, "ThrottlingException", "Rate exceeded");
            assertThatThrownBy(() -> single.submit(richSpec("throttled"))).isInstanceOfSatisfying(ThrottledException.class,
                    e -> assertThat(e.retryable()).isTrue());
            fake.failNext("CreateTrainingJob", 400, "ValidationException", "1 validation error detected: HyperParameters");
            assertThatThrownBy(() -> single.submit(richSpec("invalid"))).isInstanceOfSatisfying(BackendException.class, e -> {
                assertThat(e).hasMessageContaining("1 validation error detected");
                assertThat(e.retryable()).isFalse();
            });
            fake.failNext("CreateTrainingJob", 503, "ServiceUnavailable", "try later");
            assertThatThrownBy(() -> single.submit(richSpec("unavailable"))).isInstanceOfSatisfying(BackendException.class,
                    e -> assertThat(e.retryable()).isTrue());
            fake.failNext("CreateTrainingJob", 400, "AccessDeniedException", "not authorized to perform sagemaker:CreateTrainingJob");
            assertThatThrownBy(() -> single.submit(richSpec("denied"))).isInstanceOfSatisfying(BackendException.class, e -> {
                assertThat(e.errorCode()).isEqualTo("AccessDeniedException");
                assertThat(e.retryable()).isFalse();
            });
        }
        assertThat(fake.jobNames()).isEmpty();
    }

    @Test
    void retryableFailuresAreRetriedUntilTheyPass() {
        fake.failNext("CreateTrainingJob", 500, "InternalFailure", "oops");

        TrainingJob job = ml.submit(richSpec("retried"));

        assertThat(job.name()).isEqualTo("retried");
        assertThat(fake.requests("CreateTrainingJob")).isEqualTo(2);
        assertThat(fake.creations("retried")).isEqualTo(1);
    }

    @Test
    void nonRetryableFailuresAreNotRetried() {
        fake.failNext("CreateTrainingJob", 400, "ResourceLimitExceeded", "limit");

        assertThatThrownBy(() -> ml.submit(richSpec("limited"))).isInstanceOf(QuotaExceededException.class);
        assertThat(fake.requests("CreateTrainingJob")).isEqualTo(1);
    }

    @Test
    void missingJobsAreNotFound() {
        assertThat(ml.get(TrainingJob.class, "nobody")).isEmpty();
        ml.submit(richSpec("somebody"));
        TrainingJob ghost = ml.get(TrainingJob.class, "somebody").orElseThrow();
        assertThat(ghost.status()).isEqualTo(TrainingJobStatus.IN_PROGRESS);
    }

    @Test
    void awaitingManyJobsUsesAFewListPagesPerTickAndOneDescribePerJob() {
        List<TrainingJob> jobs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String name = "many-" + i;
            fake.script(name, new JobScript().completesAfter(Duration.ofMinutes(20 + i % 100)).toBehavior());
            jobs.add(ml.submit(TrainingJobSpec.builder().name(name).image("img").instanceType("ml.m5.xlarge")
                    .outputUri("s3://b/out/").build()));
        }

        List<TrainingResult> results = TrainingJob.awaitAll(jobs, Duration.ofHours(6));

        int polls = results.get(0).polls();
        assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(TrainingJobStatus.COMPLETED));
        assertThat(fake.requests("ListTrainingJobs")).as("List pages over %d ticks", polls).isLessThanOrEqualTo(5 * polls)
                .isGreaterThanOrEqualTo(polls);
        assertThat(fake.requests("DescribeTrainingJob")).as("one Describe per job, when it ends").isEqualTo(500);
        assertThat(polls).isLessThan(200);
    }

    @Test
    void logsComeFromCloudWatchLogs() {
        fake.script("logged", new JobScript().completesAfter(Duration.ofMinutes(10)).logLine("[0]#011train-auc:0.71").toBehavior());
        TrainingJob job = ml.submit(richSpec("logged"));
        job.awaitCompletion(Duration.ofHours(1));

        assertThat(job.logs()).extracting(LogEvent::message).contains("[0]#011train-auc:0.71")
                .anySatisfy(m -> assertThat(m).startsWith("Training - "));
        assertThat(fake.requests("GetLogEvents")).isPositive();
    }
}
