package io.mlplane.training.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlplane.core.MlProvider;
import io.mlplane.core.MlProviders;
import io.mlplane.core.UnsupportedFeatureException;
import io.mlplane.core.ValidationException;
import io.mlplane.core.local.LocalConfig;
import io.mlplane.training.Channel;
import io.mlplane.training.DataDistribution;
import io.mlplane.training.InputMode;
import io.mlplane.training.LogEvent;
import io.mlplane.training.MetricSample;
import io.mlplane.training.SecondaryStatus;
import io.mlplane.training.Spot;
import io.mlplane.training.StatusTransition;
import io.mlplane.training.TrainingJob;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.TrainingJobStatus;
import io.mlplane.training.TrainingResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the local backend does: the container contract on disk, processes, FIFOs, restarts, records. */
class LocalTrainingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;
    private Path work;
    private MlProvider ml;

    @BeforeEach
    void start() {
        work = root.resolve("work");
        ml = MlProviders.local(config().build());
    }

    private LocalConfig.Builder config() {
        return LocalConfig.builder().workDirectory(work).stopGracePeriod(Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        ml.close();
    }

    private TrainingJobSpec.Builder shell(String name, String script) {
        return TrainingJobSpec.builder().name(name).instanceType("ml.m5.large")
                .entryPoint("sh", "-c", script, "train")
                .outputUri(outputUri()).maxRuntime(Duration.ofMinutes(5));
    }

    /** One spelling of the output URI (Path.toUri() adds a slash once the directory exists). */
    private String outputUri() {
        return "file://" + root.resolve("out") + "/";
    }

    private Path data(String name, Map<String, byte[]> files) throws IOException {
        Path dir = Files.createDirectories(root.resolve("data").resolve(name));
        for (var file : files.entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue());
        }
        return dir;
    }

    private Path host(String job, String host) {
        return work.resolve("jobs").resolve(job).resolve(host);
    }

    /** Waits until the program has printed {@code line}, that is, has got past its setup (such as a trap). */
    private static void awaitLogLine(TrainingJob job, String line) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            if (job.logs().stream().anyMatch(e -> e.message().equals(line))) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the program never printed " + line);
    }

    private static TrainingResult await(TrainingJob job) {
        return job.awaitCompletion(Duration.ofSeconds(60));
    }

    @Test
    void containerLayoutEnvironmentAndScriptModeArguments() throws IOException {
        Path train = data("train", Map.of("a.csv", "1,2\n".getBytes(StandardCharsets.UTF_8)));
        TrainingJobSpec spec = shell("layout", "env > \"$SM_OUTPUT_DATA_DIR/env.txt\"; echo \"$@\" > \"$SM_OUTPUT_DATA_DIR/args.txt\"")
                .channel(Channel.builder().name("train").uri(train.toUri().toString()).contentType("text/csv").build())
                .hyperparameter("num_round", 10).hyperparameter("eta", 0.3).hyperparameter("k", "v")
                .environment("MODE", "local").secretEnvironment("TOKEN", "s3cr3t").build();

        TrainingResult result = await(ml.submit(spec));

        assertThat(result.status()).isEqualTo(TrainingJobStatus.COMPLETED);
        Path opt = host("layout", "algo-1");
        assertThat(JSON.readTree(opt.resolve("input/config/hyperparameters.json").toFile()))
                .isEqualTo(JSON.readTree("{\"num_round\":\"10\",\"eta\":\"0.3\",\"k\":\"v\"}"));
        JsonNode resources = JSON.readTree(opt.resolve("input/config/resourceconfig.json").toFile());
        assertThat(resources.path("current_host").asText()).isEqualTo("algo-1");
        assertThat(resources.path("hosts").toString()).isEqualTo("[\"algo-1\"]");
        JsonNode inputs = JSON.readTree(opt.resolve("input/config/inputdataconfig.json").toFile());
        assertThat(inputs.path("train").path("ContentType").asText()).isEqualTo("text/csv");
        assertThat(inputs.path("train").path("TrainingInputMode").asText()).isEqualTo("File");
        assertThat(opt.resolve("input/data/train/a.csv")).hasContent("1,2");
        for (String dir : List.of("model", "output/data", "checkpoints")) {
            assertThat(opt.resolve(dir)).isDirectory();
        }
        assertThat(opt.resolve("output/data/args.txt")).hasContent("--eta 0.3 -k v --num_round 10");
        Map<String, String> env = new java.util.HashMap<>();
        for (String line : Files.readAllLines(opt.resolve("output/data/env.txt"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        assertThat(env).containsEntry("SM_MODEL_DIR", opt.resolve("model").toString())
                .containsEntry("SM_CHANNEL_TRAIN", opt.resolve("input/data/train").toString())
                .containsEntry("SM_CHANNELS", "[\"train\"]")
                .containsEntry("SM_HP_NUM_ROUND", "10")
                .containsEntry("SM_HPS", "{\"eta\":0.3,\"k\":\"v\",\"num_round\":10}")
                .containsEntry("SM_CURRENT_HOST", "algo-1")
                .containsEntry("SM_HOSTS", "[\"algo-1\"]")
                .containsEntry("SM_OUTPUT_DATA_DIR", opt.resolve("output/data").toString())
                .containsEntry("SM_INPUT_CONFIG_DIR", opt.resolve("input/config").toString())
                .containsEntry("SM_NUM_GPUS", "0")
                .containsEntry("SM_USER_ARGS", "[\"--eta\",\"0.3\",\"-k\",\"v\",\"--num_round\",\"10\"]")
                .containsEntry("TRAINING_JOB_NAME", "layout")
                .containsEntry("MODE", "local").containsEntry("TOKEN", "s3cr3t")
                .containsKeys("SM_NUM_CPUS", "SM_TRAINING_ENV", "SM_RESOURCE_CONFIG", "SM_INPUT_DATA_CONFIG");
        assertThat(Files.readString(work.resolve("jobs/layout/job.json"))).doesNotContain("s3cr3t");
    }

    @Test
    void modelDirectoryIsPackedAsModelTarGzUnderTheOutputUri() throws Exception {
        TrainingJobSpec spec = shell("packed", "mkdir -p \"$SM_MODEL_DIR/sub\"; echo w > \"$SM_MODEL_DIR/weights.bin\"; echo c > \"$SM_MODEL_DIR/sub/config.json\"").build();

        TrainingResult result = await(ml.submit(spec));

        Path artifact = Path.of(URI.create(result.modelArtifactUri()));
        assertThat(artifact).isEqualTo(root.resolve("out/packed/output/model.tar.gz"));
        Process tar = new ProcessBuilder("tar", "-tzf", artifact.toString()).redirectErrorStream(true).start();
        String listing = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor()).isZero();
        assertThat(listing.lines()).containsExactly("sub/config.json", "weights.bin");
    }

    @Test
    void eachHostOfAMultiInstanceJobGetsItsOwnLayoutAndShard() throws IOException {
        Path shards = data("shards", Map.of("0.csv", new byte[] {'0'}, "1.csv", new byte[] {'1'}, "2.csv", new byte[] {'2'},
                "3.csv", new byte[] {'3'}));
        TrainingJobSpec spec = shell("multi", "echo \"$SM_CURRENT_HOST $SM_HOSTS\" > \"$SM_OUTPUT_DATA_DIR/me.txt\"")
                .instanceCount(2)
                .channel(Channel.builder().name("train").uri(shards.toUri().toString())
                        .distribution(DataDistribution.SHARDED_BY_S3_KEY).build()).build();

        assertThat(await(ml.submit(spec)).status()).isEqualTo(TrainingJobStatus.COMPLETED);

        for (int i = 1; i <= 2; i++) {
            Path opt = host("multi", "algo-" + i);
            assertThat(opt.resolve("output/data/me.txt")).hasContent("algo-" + i + " [\"algo-1\",\"algo-2\"]");
            assertThat(JSON.readTree(opt.resolve("input/config/resourceconfig.json").toFile()).path("current_host").asText())
                    .isEqualTo("algo-" + i);
        }
        try (var one = Files.list(host("multi", "algo-1").resolve("input/data/train"));
                var two = Files.list(host("multi", "algo-2").resolve("input/data/train"))) {
            assertThat(one.map(p -> p.getFileName().toString()).sorted()).containsExactly("0.csv", "2.csv");
            assertThat(two.map(p -> p.getFileName().toString()).sorted()).containsExactly("1.csv", "3.csv");
        }
    }

    @Test
    void pipeModeStreamsTheChannelThroughAFifoInOrder() throws IOException {
        Random random = new Random(5);
        byte[][] parts = new byte[3][];
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Map<String, byte[]> files = new java.util.TreeMap<>();
        for (int i = 0; i < 3; i++) {
            parts[i] = new byte[200_000];
            random.nextBytes(parts[i]);
            files.put("part-" + i, parts[i]);
            expected.write(parts[i]);
        }
        Path stream = data("stream", files);
        TrainingJobSpec spec = shell("piped", "test -p \"$SM_CHANNEL_TRAIN\" && cat \"$SM_CHANNEL_TRAIN\" > \"$SM_MODEL_DIR/received.bin\"")
                .channel(Channel.builder().name("train").uri(stream.toUri().toString()).inputMode(InputMode.PIPE).build())
                .build();

        TrainingResult result = await(ml.submit(spec));

        assertThat(result.status()).as("failure: %s", result.failureReason()).isEqualTo(TrainingJobStatus.COMPLETED);
        assertThat(host("piped", "algo-1").resolve("model/received.bin")).hasBinaryContent(expected.toByteArray());
        assertThat(host("piped", "algo-1").resolve("input/data/train")).doesNotExist();
    }

    @Test
    void spotInterruptionRestartsFromTheLastCheckpoint() {
        ml.close();
        ml = MlProviders.local(config().spotInterruptions("resumer", Duration.ofMillis(300)).build());
        TrainingJobSpec spec = TrainingJobSpec.builder().name("resumer").instanceType("ml.m5.large")
                .algorithm(Algorithms.checkpointedSteps(20, Duration.ofMillis(40)))
                .outputUri(root.resolve("out").toUri().toString()).maxRuntime(Duration.ofMinutes(1))
                .spot(Spot.builder().maxWait(Duration.ofMinutes(2)).checkpointUri(root.resolve("ckpt").toUri().toString()).build())
                .build();

        TrainingResult result = await(ml.submit(spec));

        assertThat(result.status()).isEqualTo(TrainingJobStatus.COMPLETED);
        assertThat(result.statusHistory()).extracting(StatusTransition::status).containsSubsequence(
                SecondaryStatus.TRAINING, SecondaryStatus.INTERRUPTED, SecondaryStatus.STARTING, SecondaryStatus.DOWNLOADING,
                SecondaryStatus.TRAINING, SecondaryStatus.UPLOADING, SecondaryStatus.COMPLETED);
        List<String> lines = ml.get(TrainingJob.class, "resumer").orElseThrow().logs().stream().map(LogEvent::message).toList();
        List<Integer> steps = new ArrayList<>();
        lines.stream().filter(l -> l.startsWith("step=")).forEach(l -> steps.add(Integer.parseInt(l.substring(5, l.indexOf(' ')))));
        assertThat(steps).as("the step counter continues after the restart").isSorted().doesNotHaveDuplicates().endsWith(20);
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("resuming at step [1-9][0-9]* after 1 restarts"));
        assertThat(root.resolve("ckpt/step")).hasContent("20");
        assertThat(result.spot()).isTrue();
        assertThat(result.spotSavingsPercent()).isPresent();
    }

    @Test
    void maxRuntimeStopsTheJob() {
        TrainingJobSpec spec = shell("too-long", "sleep 30").maxRuntime(Duration.ofSeconds(1)).build();

        TrainingResult result = await(ml.submit(spec));

        assertThat(result.status()).isEqualTo(TrainingJobStatus.STOPPED);
        assertThat(result.secondaryStatus()).isEqualTo(SecondaryStatus.MAX_RUNTIME_EXCEEDED);
        assertThat(result.trainingSeconds()).isLessThan(10);
    }

    @Test
    void stopSendsSigtermSoTheProgramCanCleanUp() throws InterruptedException {
        TrainingJob job = ml.submit(shell("stoppable",
                "trap 'echo got-term > \"$SM_OUTPUT_DATA_DIR/term.txt\"; exit 0' TERM; echo ready; while true; do sleep 0.05; done").build());
        awaitLogLine(job, "ready");

        job.stop();

        assertThat(job.status()).isEqualTo(TrainingJobStatus.STOPPING);
        TrainingResult result = await(job);
        assertThat(result.status()).isEqualTo(TrainingJobStatus.STOPPED);
        assertThat(result.secondaryStatus()).isEqualTo(SecondaryStatus.STOPPED);
        assertThat(host("stoppable", "algo-1").resolve("output/data/term.txt")).hasContent("got-term");
    }

    @Test
    void aProgramThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws InterruptedException {
        TrainingJob job = ml.submit(shell("stubborn", "trap '' TERM; echo ready; while true; do sleep 0.05; done").build());
        awaitLogLine(job, "ready");

        job.stop();

        TrainingResult result = await(job);
        assertThat(result.status()).isEqualTo(TrainingJobStatus.STOPPED);
        Duration stopping = Duration.between(result.statusHistory().stream()
                .filter(t -> t.status() == SecondaryStatus.STOPPING).findFirst().orElseThrow().startTime(),
                result.statusHistory().get(result.statusHistory().size() - 1).startTime());
        assertThat(stopping).as("SIGKILL only after the 2 s grace period").isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void spotMaxWaitCountsTheTimeSpentWaitingForCapacity() {
        ml.close();
        ml = MlProviders.local(config().spotInterruptions("starved", Duration.ofMillis(200))
                .spotInterruptionDowntime(Duration.ofSeconds(30)).build());
        TrainingJobSpec spec = TrainingJobSpec.builder().name("starved").instanceType("ml.m5.large")
                .algorithm(Algorithms.untilStopped()).outputUri(outputUri()).maxRuntime(Duration.ofSeconds(1))
                .spot(Spot.builder().maxWait(Duration.ofSeconds(1)).checkpointUri(root.resolve("ckpt2").toUri().toString()).build())
                .build();

        TrainingResult result = await(ml.submit(spec));

        assertThat(result.status()).isEqualTo(TrainingJobStatus.STOPPED);
        assertThat(result.secondaryStatus()).isEqualTo(SecondaryStatus.MAX_WAIT_TIME_EXCEEDED);
        assertThat(result.statusHistory()).extracting(StatusTransition::status).contains(SecondaryStatus.INTERRUPTED);
        assertThat(result.trainingSeconds()).isLessThan(10);
    }

    @Test
    void aFailureFileIsTheFailureReason() {
        TrainingResult result = await(ml.submit(shell("failing",
                "echo 'ValueError: label column missing' > \"$SM_OUTPUT_DIR/failure\"; exit 3").build()));

        assertThat(result.status()).isEqualTo(TrainingJobStatus.FAILED);
        assertThat(result.failureReason()).isEqualTo("ValueError: label column missing");
        TrainingResult plain = await(ml.submit(shell("exit-code", "echo boom; exit 7").build()));
        assertThat(plain.failureReason()).isEqualTo("AlgorithmError: the command exited with code 7; last output: boom");
    }

    @Test
    void metricDefinitionsExtractMetricsFromTheOutput() {
        TrainingJobSpec spec = shell("metered", "for i in 1 2 3; do echo \"[$i] train-loss:0.$((9 - i)) val-auc:0.8$i\"; done")
                .metricDefinition("train:loss", "train-loss:([0-9\\.]+)")
                .metricDefinition("validation:auc", "val-auc:([0-9\\.]+)").build();

        TrainingResult result = await(ml.submit(spec));

        assertThat(result.finalMetrics()).containsExactlyInAnyOrderEntriesOf(Map.of("train:loss", 0.6, "validation:auc", 0.83));
        assertThat(ml.get(TrainingJob.class, "metered").orElseThrow().logs()).extracting(LogEvent::message)
                .contains("[1] train-loss:0.8 val-auc:0.81");
        List<MetricSample> history = ml.get(TrainingJob.class, "metered").orElseThrow().metricHistory();
        assertThat(history).filteredOn(sample -> sample.name().equals("validation:auc")).extracting(MetricSample::value)
                .containsExactly(0.81, 0.82, 0.83);

        ml.close();
        ml = MlProviders.local(config().build());
        assertThat(ml.get(TrainingJob.class, "metered").orElseThrow().metricHistory()).isEqualTo(history);
    }

    @Test
    void jobRecordsOutliveTheProviderAndCrashedOwnersAreReportedHonestly() throws Exception {
        TrainingResult first = await(ml.submit(shell("durable", "echo persisted-line").build()));
        ml.close();

        ml = MlProviders.local(config().build());
        TrainingJob again = ml.get(TrainingJob.class, "durable").orElseThrow();
        assertThat(again.describe().status()).isEqualTo(TrainingJobStatus.COMPLETED);
        assertThat(again.describe().modelArtifactUri()).isEqualTo(first.modelArtifactUri());
        assertThat(again.logs()).extracting(LogEvent::message).contains("persisted-line");
        assertThat(ml.list(TrainingJob.class)).extracting(TrainingJob::name).contains("durable");
        assertThat(ml.submit(shell("durable", "echo persisted-line").build()).name()).isEqualTo("durable");
        assertThatThrownBy(() -> ml.submit(shell("durable", "echo different").build()))
                .isInstanceOf(io.mlplane.core.ConflictException.class);

        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        Path record = work.resolve("jobs/orphan/job.json");
        Files.createDirectories(record.getParent());
        Files.writeString(record, """
                {"name":"orphan","specHash":"x","status":"IN_PROGRESS","spot":false,
                 "creationTime":"2025-01-01T00:00:00Z","trainingSeconds":0,"billableSeconds":0,"finalMetrics":{},
                 "statusHistory":[{"status":"TRAINING","start":"2025-01-01T00:00:01Z","message":"Training"}],
                 "ownerPid":%d}
                """.formatted(gone.pid()));
        TrainingJob orphan = ml.get(TrainingJob.class, "orphan").orElseThrow();
        assertThat(orphan.status()).isEqualTo(TrainingJobStatus.FAILED);
        assertThat(orphan.describe().failureReason()).contains("pid " + gone.pid()).contains("ended while the job was in progress");
    }

    @Test
    void namesThatCouldEscapeTheJobDirectoryAreRejected() throws IOException {
        Path outside = Files.writeString(root.resolve("secret.txt"), "outside");
        Path sneaky = Files.createDirectories(root.resolve("data/sneaky"));
        Files.createSymbolicLink(sneaky.resolve("link.csv"), outside);

        assertThatThrownBy(() -> ml.submit(shell("dots", "true")
                .channel(Channel.builder().name("..").uri(sneaky.toUri().toString()).build()).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields()).containsExactly("channels[0].name"));
        assertThatThrownBy(() -> ml.submit(shell("hp", "true").hyperparameter("../../etc/x", "1").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields()).containsExactly("hyperparameters['../../etc/x']"));
        TrainingResult linked = await(ml.submit(shell("linked", "true")
                .channel(Channel.builder().name("train").uri(sneaky.toUri().toString()).build()).build()));
        assertThat(linked.status()).isEqualTo(TrainingJobStatus.FAILED);
        assertThat(linked.failureReason()).startsWith("ClientError: ").contains("leads outside");
        assertThat(host("linked", "algo-1").resolve("input/data/train/link.csv")).doesNotExist();
    }

    @Test
    void whatTheLocalBackendCannotRunIsRefusedClearly() {
        TrainingJobSpec imageOnly = TrainingJobSpec.builder().name("image-only").image("683313688378.dkr.ecr.us-east-1.amazonaws.com/xgb:1")
                .instanceType("ml.m5.large").outputUri(root.toUri().toString()).build();
        assertThatThrownBy(() -> ml.submit(imageOnly)).isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
            assertThat(e.backend()).isEqualTo("local");
            assertThat(e).hasMessageContaining("entryPoint(").hasMessageContaining("algorithm(");
        });
        assertThatThrownBy(() -> ml.plan(shell("s3-data", "true").outputUri("s3://bucket/out")
                .channel(Channel.builder().name("train").uri("s3://bucket/train/").build()).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fields()).containsExactly("channels[0].uri", "outputUri");
                    assertThat(e).hasMessageContaining("only file: URIs");
                });
        assertThat(ml.list(TrainingJob.class)).isEmpty();
    }
}
