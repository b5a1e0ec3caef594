package io.mlplane.training.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mlplane.core.TimeSource;
import io.mlplane.core.mock.MockBehavior;
import io.mlplane.core.testing.AwsModelValidator;
import io.mlplane.training.StatusTransition;
import io.mlplane.training.TrainingJobStatus;
import io.mlplane.training.Objective;
import io.mlplane.training.Parameter;
import io.mlplane.training.Trial;
import io.mlplane.training.TuningJobDescription;
import io.mlplane.training.internal.SimulatedTuning;
import io.mlplane.training.internal.TrainingTimeline;
import io.mlplane.training.internal.TrialSampler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful SageMaker (and CloudWatch Logs) on loopback that speaks AWS JSON 1.1. Every request is checked
 * against the official service model; jobs follow the same simulated timelines as the mock backend, on the
 * {@link TimeSource} the provider under test waits on. It can inject faults (throttling, 5xx, connection
 * resets, timeouts after the request took effect) at a seeded rate, and enforce a requests-per-second limit.
 */
public final class FakeSageMaker implements AutoCloseable {

    /** Kinds of injected failure. */
    public enum Fault { THROTTLING, SERVER_ERROR, CONNECTION_RESET, TIMEOUT_AFTER_COMMIT }

    static {
        // Without TCP_NODELAY the JDK server's split header/body writes meet the client's delayed ACKs: ~40 ms a request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "123456789012";

    private final TimeSource clock;
    private final AwsModelValidator validator = AwsModelValidator.sageMaker();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(24);
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, MockBehavior> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> commits = new ConcurrentHashMap<>();
    private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger throttledByLimit = new AtomicInteger();
    private final Map<String, Reply> scriptedErrors = new ConcurrentHashMap<>();

    private volatile double faultRate;
    private volatile Set<Fault> faultKinds = EnumSet.noneOf(Fault.class);
    private volatile Random faultRandom = new Random(0);
    private volatile Duration commitDelay = Duration.ofMillis(400);
    private volatile double tpsLimit;
    private double tokens;
    private long lastRefill = System.nanoTime();

    public FakeSageMaker(TimeSource clock) throws IOException {
        this.clock = clock;
        for (Fault fault : Fault.values()) {
            injected.put(fault, new AtomicInteger());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void script(String name, MockBehavior behavior) {
        scripts.put(name, behavior);
    }

    /** Injects one of {@code kinds} into each request with probability {@code rate}, from a seeded random. */
    void injectFaults(double rate, long seed, Set<Fault> kinds, Duration commitDelay) {
        this.faultRandom = new Random(seed);
        this.faultKinds = EnumSet.copyOf(kinds);
        this.commitDelay = commitDelay;
        this.faultRate = rate;
    }

    /** The next request for {@code operation} fails with this error instead of taking effect. */
    void failNext(String operation, int status, String code, String message) {
        scriptedErrors.put(operation, new Reply(status, JSON.createObjectNode().put("__type", code).put("message", message)));
    }

    void stopFaults() {
        faultRate = 0;
    }

    /** Throttles requests beyond {@code perSecond} (token bucket, burst of one second's worth). */
    public synchronized void limitRequestsPerSecond(double perSecond) {
        this.tpsLimit = perSecond;
        this.tokens = perSecond;
        this.lastRefill = System.nanoTime();
    }

    public int requests(String operation) {
        AtomicInteger count = requests.get(operation);
        return count == null ? 0 : count.get();
    }

    int totalRequests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** How many times a CreateTrainingJob for {@code name} took effect. */
    int creations(String name) {
        AtomicInteger count = commits.get(name);
        return count == null ? 0 : count.get();
    }

    public Set<String> jobNames() {
        return Set.copyOf(jobs.keySet());
    }

    Map<Fault, Integer> injectedFaults() {
        Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
        injected.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    public int throttledByLimit() {
        return throttledByLimit.get();
    }

    /** Every way a request broke the service model, with its operation. */
    List<String> violations() {
        return List.copyOf(violations);
    }

    /** The body of the CreateTrainingJob that created {@code name}. */
    JsonNode createRequest(String name) {
        return jobs.get(name).request;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
            requests.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (!acquireRateToken()) {
                throttledByLimit.incrementAndGet();
                error(exchange, 400, "ThrottlingException", "Rate exceeded");
                return;
            }
            Reply scripted = scriptedErrors.remove(operation);
            if (scripted != null) {
                send(exchange, scripted.status, scripted.body);
                return;
            }
            Fault fault = drawFault();
            if (fault == Fault.THROTTLING) {
                error(exchange, 400, "ThrottlingException", "Rate exceeded");
                return;
            }
            if (fault == Fault.SERVER_ERROR) {
                error(exchange, 500, "InternalFailure", "We encountered an internal error. Please try again.");
                return;
            }
            if (fault == Fault.CONNECTION_RESET) {
                throw new IOException("injected connection reset");
            }
            Reply reply = target != null && target.startsWith("Logs_") ? logs(operation, body) : sageMaker(operation, body);
            if (fault == Fault.TIMEOUT_AFTER_COMMIT) {
                sleep(commitDelay);
            }
            send(exchange, reply.status, reply.body);
        }
    }

    private Fault drawFault() {
        if (faultRate <= 0) {
            return null;
        }
        synchronized (this) {
            if (faultRandom.nextDouble() >= faultRate) {
                return null;
            }
            List<Fault> kinds = List.copyOf(faultKinds);
            Fault fault = kinds.get(faultRandom.nextInt(kinds.size()));
            injected.get(fault).incrementAndGet();
            return fault;
        }
    }

    private synchronized boolean acquireRateToken() {
        if (tpsLimit <= 0) {
            return true;
        }
        long now = System.nanoTime();
        tokens = Math.min(tpsLimit, tokens + (now - lastRefill) / 1e9 * tpsLimit);
        lastRefill = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply sageMaker(String operation, JsonNode body) {
        List<String> problems = validator.validateInput(operation, body);
        if (!problems.isEmpty()) {
            problems.forEach(p -> violations.add(operation + " " + p));
            return errorReply("ValidationException", String.join("; ", problems));
        }
        return switch (operation) {
            case "CreateTrainingJob" -> create(body);
            case "DescribeTrainingJob" -> withJob(body.path("TrainingJobName").asText(), job -> ok(describe(job)));
            case "StopTrainingJob" -> withJob(body.path("TrainingJobName").asText(), this::stop);
            case "ListTrainingJobs" -> ok(list(body));
            case "ListTags" -> listTags(body.path("ResourceArn").asText());
            case "CreateHyperParameterTuningJob" -> createTuning(body);
            case "DescribeHyperParameterTuningJob" -> withTuning(body.path("HyperParameterTuningJobName").asText(),
                    t -> ok(describeTuning(t)));
            case "ListTrainingJobsForHyperParameterTuningJob" -> withTuning(body.path("HyperParameterTuningJobName").asText(),
                    t -> ok(trialsOf(t, body)));
            case "ListHyperParameterTuningJobs" -> ok(listTuning());
            case "StopHyperParameterTuningJob" -> withTuning(body.path("HyperParameterTuningJobName").asText(), t -> {
                t.simulation.stop(clock.now());
                return ok(JSON.createObjectNode());
            });
            default -> errorReply("UnknownOperationException", "operation " + operation + " is not faked");
        };
    }

    private Reply create(JsonNode body) {
        String name = body.path("TrainingJobName").asText();
        Instant now = clock.now();
        MockBehavior behavior = scripts.getOrDefault(name, MockBehavior.DEFAULT);
        JsonNode stopping = body.path("StoppingCondition");
        Duration maxWait = stopping.has("MaxWaitTimeInSeconds")
                ? Duration.ofSeconds(stopping.get("MaxWaitTimeInSeconds").asLong()) : null;
        TrainingTimeline timeline = TrainingTimeline.of(body.path("EnableManagedSpotTraining").asBoolean(),
                Duration.ofSeconds(stopping.path("MaxRuntimeInSeconds").asLong(86_400)), maxWait, behavior, now);
        Job job = new Job(name, "arn:aws:sagemaker:us-east-1:" + ACCOUNT + ":training-job/" + name, body, behavior, timeline);
        if (jobs.putIfAbsent(name, job) != null) {
            return errorReply("ResourceInUse", "Training job names must be unique within an AWS account and region,"
                    + " and a training job with this name already exists (" + job.arn + ")");
        }
        commits.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        ObjectNode reply = JSON.createObjectNode();
        reply.put("TrainingJobArn", job.arn);
        return ok(reply);
    }

    private Reply withJob(String name, java.util.function.Function<Job, Reply> action) {
        Job job = jobs.get(name);
        return job == null ? errorReply("ResourceNotFound", "Requested resource not found.") : action.apply(job);
    }

    private Reply stop(Job job) {
        Instant now = clock.now();
        if (job.timeline.isTerminalAt(now)) {
            return errorReply("ValidationException", "The job status is " + job.timeline.statusAt(now).wireName());
        }
        job.timeline = job.timeline.stoppedAt(now);
        return ok(JSON.createObjectNode());
    }

    private ObjectNode describe(Job job) {
        Instant now = clock.now();
        TrainingTimeline timeline = job.timeline;
        TrainingJobStatus status = timeline.statusAt(now);
        ObjectNode out = summary(job, now);
        out.remove("TrainingEndTime");
        out.set("ModelArtifacts", JSON.createObjectNode().put("S3ModelArtifacts",
                job.request.path("OutputDataConfig").path("S3OutputPath").asText().replaceAll("/$", "") + "/" + job.name
                        + "/output/model.tar.gz"));
        out.set("StoppingCondition", job.request.path("StoppingCondition"));
        out.set("AlgorithmSpecification", job.request.path("AlgorithmSpecification"));
        out.set("ResourceConfig", job.request.path("ResourceConfig"));
        out.put("RoleArn", job.request.path("RoleArn").asText());
        out.put("EnableManagedSpotTraining", job.request.path("EnableManagedSpotTraining").asBoolean());
        out.put("TrainingStartTime", seconds(timeline.start()));
        ArrayNode transitions = out.putArray("SecondaryStatusTransitions");
        for (StatusTransition t : timeline.historyAt(now)) {
            ObjectNode node = transitions.addObject().put("Status", t.status().wireName()).put("StartTime", seconds(t.startTime()))
                    .put("StatusMessage", t.message());
            if (t.endTime() != null) {
                node.put("EndTime", seconds(t.endTime()));
            }
        }
        if (status.isTerminal()) {
            Instant end = timeline.end();
            long running = timeline.runningSecondsUntil(end);
            out.put("TrainingEndTime", seconds(end));
            out.put("TrainingTimeInSeconds", Duration.between(timeline.start(), end).toSeconds());
            out.put("BillableTimeInSeconds", job.behavior.billableSeconds() != null ? job.behavior.billableSeconds()
                    : out.path("EnableManagedSpotTraining").asBoolean() ? Math.round(running * 0.3) : running);
        }
        if (status == TrainingJobStatus.COMPLETED) {
            ArrayNode metrics = out.putArray("FinalMetricDataList");
            job.behavior.metrics().forEach((name, value) -> metrics.addObject().put("MetricName", name).put("Value", value)
                    .put("Timestamp", seconds(timeline.end())));
        }
        if (status == TrainingJobStatus.FAILED) {
            out.put("FailureReason", job.behavior.failureReason());
        }
        return out;
    }

    private ObjectNode summary(Job job, Instant now) {
        TrainingTimeline timeline = job.timeline;
        ObjectNode out = JSON.createObjectNode();
        out.put("TrainingJobName", job.name);
        out.put("TrainingJobArn", job.arn);
        out.put("CreationTime", seconds(timeline.start()));
        out.put("LastModifiedTime", seconds(now));
        out.put("TrainingJobStatus", timeline.statusAt(now).wireName());
        out.put("SecondaryStatus", timeline.phaseAt(now).status().wireName());
        if (timeline.isTerminalAt(now)) {
            out.put("TrainingEndTime", seconds(timeline.end()));
        }
        return out;
    }

    private JsonNode list(JsonNode body) {
        Instant now = clock.now();
        int max = body.path("MaxResults").asInt(10);
        int offset = body.has("NextToken") ? Integer.parseInt(body.get("NextToken").asText()) : 0;
        String status = body.path("StatusEquals").asText(null);
        List<Job> sorted = new ArrayList<>(jobs.values().stream()
                .filter(j -> status == null || j.timeline.statusAt(now).wireName().equals(status)).toList());
        sorted.sort(Comparator.comparing((Job j) -> j.timeline.start()).thenComparing(j -> j.name));
        if (!"Ascending".equals(body.path("SortOrder").asText("Descending"))) {
            java.util.Collections.reverse(sorted);
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode summaries = out.putArray("TrainingJobSummaries");
        for (int i = offset; i < Math.min(sorted.size(), offset + max); i++) {
            summaries.add(summary(sorted.get(i), now));
        }
        if (offset + max < sorted.size()) {
            out.put("NextToken", Integer.toString(offset + max));
        }
        return out;
    }

    /** One tuning job: its request and its simulated trials. */
    private record TuningRecord(String name, String arn, JsonNode request, SimulatedTuning simulation) {
    }

    private final Map<String, TuningRecord> tunings = new ConcurrentHashMap<>();

    /** The body of the CreateHyperParameterTuningJob that created {@code name}. */
    JsonNode tuningRequest(String name) {
        return tunings.get(name).request();
    }

    private Reply createTuning(JsonNode body) {
        String name = body.path("HyperParameterTuningJobName").asText();
        JsonNode config = body.path("HyperParameterTuningJobConfig");
        JsonNode objective = config.path("HyperParameterTuningJobObjective");
        Objective goal = "Maximize".equals(objective.path("Type").asText()) ? Objective.maximize(objective.path("MetricName").asText())
                : Objective.minimize(objective.path("MetricName").asText());
        List<Parameter> parameters = new ArrayList<>();
        JsonNode ranges = config.path("ParameterRanges");
        ranges.path("ContinuousParameterRanges").forEach(r -> parameters.add(Parameter.continuous(r.path("Name").asText(),
                r.path("MinValue").asDouble(), r.path("MaxValue").asDouble(), scaling(r))));
        ranges.path("IntegerParameterRanges").forEach(r -> parameters.add(Parameter.integer(r.path("Name").asText(),
                r.path("MinValue").asLong(), r.path("MaxValue").asLong(), scaling(r))));
        ranges.path("CategoricalParameterRanges").forEach(r -> {
            List<String> values = new ArrayList<>();
            r.path("Values").forEach(v -> values.add(v.asText()));
            parameters.add(Parameter.categorical(r.path("Name").asText(), values.toArray(String[]::new)));
        });
        List<Map<String, String>> points = new ArrayList<>();
        JsonNode limits = config.path("ResourceLimits");
        if ("Grid".equals(config.path("Strategy").asText())) {
            points.addAll(TrialSampler.grid(parameters));
        } else {
            java.util.SplittableRandom random = new java.util.SplittableRandom(config.has("RandomSeed")
                    ? config.get("RandomSeed").asLong() : name.hashCode());
            for (int i = 0; i < limits.path("MaxNumberOfTrainingJobs").asInt(); i++) {
                points.add(TrialSampler.random(parameters, random));
            }
        }
        String arn = "arn:aws:sagemaker:us-east-1:" + ACCOUNT + ":hyper-parameter-tuning-job/" + name;
        SimulatedTuning simulation = new SimulatedTuning(name, goal, points, limits.path("MaxParallelTrainingJobs").asInt(1),
                limits.path("MaxNumberOfTrainingJobs").asInt(0), scripts.getOrDefault(name, MockBehavior.DEFAULT), clock.now(),
                i -> String.format("%s-%03d-%08x", name, i + 1, (name + i).hashCode()));
        if (tunings.putIfAbsent(name, new TuningRecord(name, arn, body, simulation)) != null) {
            return errorReply("ResourceInUse", "Hyperparameter tuning job names must be unique; " + name + " exists");
        }
        commits.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        return ok(JSON.createObjectNode().put("HyperParameterTuningJobArn", arn));
    }

    private static io.mlplane.training.Scaling scaling(JsonNode range) {
        for (io.mlplane.training.Scaling scaling : io.mlplane.training.Scaling.values()) {
            if (scaling.wireName().equals(range.path("ScalingType").asText("Auto"))) {
                return scaling;
            }
        }
        return io.mlplane.training.Scaling.AUTO;
    }

    private Reply withTuning(String name, java.util.function.Function<TuningRecord, Reply> action) {
        TuningRecord tuning = tunings.get(name);
        return tuning == null ? errorReply("ResourceNotFound", "Amazon SageMaker can't find a tuning job with name " + name)
                : action.apply(tuning);
    }

    private ObjectNode describeTuning(TuningRecord tuning) {
        TuningJobDescription d = tuning.simulation().describe(clock.now());
        ObjectNode out = JSON.createObjectNode();
        out.put("HyperParameterTuningJobName", tuning.name());
        out.put("HyperParameterTuningJobArn", tuning.arn());
        out.set("HyperParameterTuningJobConfig", tuning.request().path("HyperParameterTuningJobConfig"));
        out.set("TrainingJobDefinition", tuning.request().path("TrainingJobDefinition"));
        out.put("HyperParameterTuningJobStatus", d.status().wireName());
        out.put("CreationTime", seconds(d.creationTime()));
        if (d.endTime() != null) {
            out.put("HyperParameterTuningEndTime", seconds(d.endTime()));
        }
        ObjectNode counters = out.putObject("TrainingJobStatusCounters");
        counters.put("Completed", d.trials().stream().filter(t -> t.status() == TrainingJobStatus.COMPLETED).count());
        counters.put("InProgress", d.trials().stream().filter(t -> t.status() == TrainingJobStatus.IN_PROGRESS).count());
        counters.put("RetryableError", 0);
        counters.put("NonRetryableError", d.trials().stream().filter(t -> t.status() == TrainingJobStatus.FAILED).count());
        counters.put("Stopped", d.trials().stream().filter(t -> t.status() == TrainingJobStatus.STOPPED).count());
        ObjectNode objectives = out.putObject("ObjectiveStatusCounters");
        objectives.put("Succeeded", d.trials().stream().filter(t -> t.objectiveValue() != null).count());
        objectives.put("Pending", d.trials().stream().filter(t -> !t.status().isTerminal()).count());
        objectives.put("Failed", d.trials().stream().filter(t -> t.status() == TrainingJobStatus.FAILED).count());
        if (d.bestTrial() != null) {
            out.set("BestTrainingJob", trialSummary(tuning, d, d.bestTrial()));
        }
        if (d.failureReason() != null) {
            out.put("FailureReason", d.failureReason());
        }
        return out;
    }

    private ObjectNode trialSummary(TuningRecord tuning, TuningJobDescription d, Trial trial) {
        ObjectNode summary = JSON.createObjectNode();
        summary.put("TrainingJobName", trial.trainingJobName());
        summary.put("TrainingJobArn", "arn:aws:sagemaker:us-east-1:" + ACCOUNT + ":training-job/" + trial.trainingJobName());
        summary.put("TuningJobName", tuning.name());
        summary.put("CreationTime", seconds(d.creationTime()));
        summary.put("TrainingJobStatus", trial.status().wireName());
        ObjectNode tuned = summary.putObject("TunedHyperParameters");
        trial.hyperparameters().forEach(tuned::put);
        if (trial.objectiveValue() != null) {
            summary.putObject("FinalHyperParameterTuningJobObjectiveMetric")
                    .put("Type", d.objective().maximize() ? "Maximize" : "Minimize")
                    .put("MetricName", d.objective().metric()).put("Value", trial.objectiveValue());
            summary.put("ObjectiveStatus", "Succeeded");
        }
        return summary;
    }

    private JsonNode trialsOf(TuningRecord tuning, JsonNode body) {
        TuningJobDescription d = tuning.simulation().describe(clock.now());
        int max = body.path("MaxResults").asInt(10);
        int offset = body.has("NextToken") ? Integer.parseInt(body.get("NextToken").asText()) : 0;
        ObjectNode out = JSON.createObjectNode();
        ArrayNode summaries = out.putArray("TrainingJobSummaries");
        for (int i = offset; i < Math.min(d.trials().size(), offset + max); i++) {
            summaries.add(trialSummary(tuning, d, d.trials().get(i)));
        }
        if (offset + max < d.trials().size()) {
            out.put("NextToken", Integer.toString(offset + max));
        }
        return out;
    }

    private JsonNode listTuning() {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode summaries = out.putArray("HyperParameterTuningJobSummaries");
        for (TuningRecord tuning : tunings.values()) {
            ObjectNode described = describeTuning(tuning);
            ObjectNode summary = summaries.addObject();
            for (String field : List.of("HyperParameterTuningJobName", "HyperParameterTuningJobArn",
                    "HyperParameterTuningJobStatus", "CreationTime", "TrainingJobStatusCounters", "ObjectiveStatusCounters")) {
                summary.set(field, described.get(field));
            }
            summary.put("Strategy", tuning.request().path("HyperParameterTuningJobConfig").path("Strategy").asText());
        }
        return out;
    }

    private Reply listTags(String arn) {
        for (TuningRecord tuning : tunings.values()) {
            if (tuning.arn().equals(arn)) {
                ObjectNode out = JSON.createObjectNode();
                out.set("Tags", tuning.request().path("Tags").isMissingNode() ? JSON.createArrayNode() : tuning.request().get("Tags"));
                return ok(out);
            }
        }
        for (Job job : jobs.values()) {
            if (job.arn.equals(arn)) {
                ObjectNode out = JSON.createObjectNode();
                out.set("Tags", job.request.path("Tags").isMissingNode() ? JSON.createArrayNode() : job.request.get("Tags"));
                return ok(out);
            }
        }
        return errorReply("ValidationException", "Could not find resource " + arn);
    }

    private Reply logs(String operation, JsonNode body) {
        Instant now = clock.now();
        return switch (operation) {
            case "DescribeLogStreams" -> {
                String prefix = body.path("logStreamNamePrefix").asText();
                ObjectNode out = JSON.createObjectNode();
                ArrayNode streams = out.putArray("logStreams");
                jobs.values().stream().filter(j -> (j.name + "/").startsWith(prefix) || (j.name + "/algo-1").startsWith(prefix))
                        .forEach(j -> streams.addObject().put("logStreamName", j.name + "/algo-1-" + j.timeline.start().getEpochSecond()));
                yield ok(out);
            }
            case "GetLogEvents" -> {
                String stream = body.path("logStreamName").asText();
                Job job = jobs.get(stream.substring(0, stream.indexOf('/')));
                ObjectNode out = JSON.createObjectNode();
                ArrayNode events = out.putArray("events");
                if (!"f/end".equals(body.path("nextToken").asText())) {
                    for (StatusTransition t : job.timeline.historyAt(now)) {
                        events.addObject().put("timestamp", t.startTime().toEpochMilli())
                                .put("message", t.status().wireName() + " - " + t.message())
                                .put("ingestionTime", t.startTime().toEpochMilli());
                    }
                    job.behavior.logLines().forEach(line -> events.addObject().put("timestamp", job.timeline.start().toEpochMilli())
                            .put("message", line).put("ingestionTime", job.timeline.start().toEpochMilli()));
                    if (job.timeline.statusAt(now) == TrainingJobStatus.COMPLETED) {
                        long end = job.timeline.end().toEpochMilli();
                        job.behavior.metrics().forEach((metric, value) -> events.addObject().put("timestamp", end)
                                .put("message", metric + "=" + value).put("ingestionTime", end));
                    }
                }
                out.put("nextForwardToken", "f/end");
                out.put("nextBackwardToken", "b/start");
                yield ok(out);
            }
            default -> errorReply("UnknownOperationException", "logs operation " + operation + " is not faked");
        };
    }

    private static Reply ok(JsonNode body) {
        return new Reply(200, body);
    }

    private static Reply errorReply(String code, String message) {
        return new Reply(400, JSON.createObjectNode().put("__type", code).put("message", message));
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        send(exchange, status, JSON.createObjectNode().put("__type", code).put("message", message));
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static double seconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** One job: its request, script and (replaceable on stop) timeline. */
    private static final class Job {
        final String name;
        final String arn;
        final JsonNode request;
        final MockBehavior behavior;
        volatile TrainingTimeline timeline;

        Job(String name, String arn, JsonNode request, MockBehavior behavior, TrainingTimeline timeline) {
            this.name = name;
            this.arn = arn;
            this.request = request;
            this.behavior = behavior;
            this.timeline = timeline;
        }
    }
}
