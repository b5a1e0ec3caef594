package io.mlplane.training.sagemaker;

import io.mlplane.core.ConflictException;
import io.mlplane.core.PlannedRequest;
import io.mlplane.core.ResourceNotFoundException;
import io.mlplane.core.TimeSource;
import io.mlplane.core.sagemaker.SageMakerContext;
import io.mlplane.training.LogEvent;
import io.mlplane.training.MetricDefinition;
import io.mlplane.training.MetricSample;
import io.mlplane.training.SecondaryStatus;
import io.mlplane.training.TrainingJobDescription;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.TrainingJobStatus;
import io.mlplane.training.internal.MetricExtractor;
import io.mlplane.training.spi.TrainingBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.SortBy;
import software.amazon.awssdk.services.sagemaker.model.SortOrder;
import software.amazon.awssdk.services.sagemaker.model.Tag;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;

/**
 * Training jobs on SageMaker. Submits are idempotent through the spec-hash tag: when CreateTrainingJob says
 * the name is in use (also after a retried request whose first attempt did reach the service), the existing
 * job's tag decides between "same job" and {@link ConflictException}. Many jobs are observed with pages of
 * ListTrainingJobs filtered to jobs in progress, and each job is described in full once, when it ends.
 */
final class SageMakerTrainingBackend implements TrainingBackend {

    static final String LOG_GROUP = "/aws/sagemaker/TrainingJobs";
    private static final int PAGE = 100;

    private final SageMakerContext sageMaker;
    private final TimeSource time;
    private final CreateTrainingJobMapper mapper;

    SageMakerTrainingBackend(SageMakerContext sageMaker, TimeSource time) {
        this.sageMaker = sageMaker;
        this.time = time;
        this.mapper = new CreateTrainingJobMapper(sageMaker.config());
    }

    @Override
    public List<PlannedRequest> plan(TrainingJobSpec spec) {
        CreateTrainingJobRequest request = mapper.request(spec);
        return List.of(new PlannedRequest("sagemaker", "CreateTrainingJob", mapper.planBody(spec, request)));
    }

    @Override
    public TrainingJobDescription create(TrainingJobSpec spec) {
        CreateTrainingJobRequest request = mapper.request(spec);
        try {
            sageMaker.call("CreateTrainingJob", () -> sageMaker.sageMaker().createTrainingJob(request));
        } catch (ConflictException taken) {
            return existingIfSame(spec, request, taken);
        }
        Instant now = time.now();
        return new TrainingJobDescription(spec.name(), TrainingJobStatus.IN_PROGRESS, SecondaryStatus.STARTING,
                List.of(), null, null, Map.of(), now, null, 0, 0, spec.spotEnabled());
    }

    private TrainingJobDescription existingIfSame(TrainingJobSpec spec, CreateTrainingJobRequest request,
            ConflictException taken) {
        DescribeTrainingJobResponse existing = describeResponse(spec.name())
                .orElseThrow(() -> taken);
        String wanted = hashTag(request.tags());
        String found = sageMaker.call("ListTags", () -> sageMaker.sageMaker()
                        .listTags(r -> r.resourceArn(existing.trainingJobArn()).maxResults(100)))
                .tags().stream().filter(t -> t.key().equals(CreateTrainingJobMapper.SPEC_HASH_TAG)).map(Tag::value)
                .findFirst().orElse(null);
        if (!wanted.equals(found)) {
            throw new ConflictException("sagemaker", "training job '" + spec.name() + "' already exists with a different"
                    + " spec (training job names cannot be reused): " + taken.getMessage(), taken.errorCode(),
                    taken.requestId(), taken.statusCode(), taken);
        }
        return TrainingJobDescriptions.of(existing);
    }

    private static String hashTag(List<Tag> tags) {
        return tags.stream().filter(t -> t.key().equals(CreateTrainingJobMapper.SPEC_HASH_TAG)).map(Tag::value)
                .findFirst().orElseThrow();
    }

    @Override
    public Optional<TrainingJobDescription> describe(String name) {
        return describeResponse(name).map(TrainingJobDescriptions::of);
    }

    private Optional<DescribeTrainingJobResponse> describeResponse(String name) {
        try {
            return Optional.of(sageMaker.call("DescribeTrainingJob",
                    () -> sageMaker.sageMaker().describeTrainingJob(r -> r.trainingJobName(name))));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Lists the jobs in progress (pages of 100; a set bounded by the account's concurrency quota, however long
     * its history) and uses their summaries; describes in full only the awaited jobs not in that list, which have
     * ended (or are stopping) since the last look.
     */
    @Override
    public Map<String, TrainingJobDescription> describeAll(Collection<String> names) {
        if (names.size() == 1) {
            String name = names.iterator().next();
            return describe(name).map(d -> Map.of(name, d)).orElse(Map.of());
        }
        Set<String> wanted = new HashSet<>(names);
        Map<String, TrainingJobSummary> running = new HashMap<>();
        String token = null;
        do {
            String page = token;
            ListTrainingJobsResponse response = sageMaker.call("ListTrainingJobs", () -> sageMaker.sageMaker()
                    .listTrainingJobs(listRequest(page).toBuilder().statusEquals(TrainingJobStatus.IN_PROGRESS.wireName())
                            .build()));
            for (TrainingJobSummary summary : response.trainingJobSummaries()) {
                if (wanted.contains(summary.trainingJobName())) {
                    running.put(summary.trainingJobName(), summary);
                }
            }
            token = response.nextToken();
        } while (token != null && running.size() < wanted.size());

        Map<String, TrainingJobDescription> found = new HashMap<>();
        for (String name : names) {
            TrainingJobSummary summary = running.get(name);
            if (summary != null) {
                found.put(name, TrainingJobDescriptions.of(summary));
            } else {
                describe(name).ifPresent(d -> found.put(name, d));
            }
        }
        return found;
    }

    private static ListTrainingJobsRequest listRequest(String token) {
        return ListTrainingJobsRequest.builder().maxResults(PAGE).sortBy(SortBy.CREATION_TIME)
                .sortOrder(SortOrder.DESCENDING).nextToken(token).build();
    }

    @Override
    public List<String> listNames() {
        List<TrainingJobSummary> all = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            ListTrainingJobsResponse response = sageMaker.call("ListTrainingJobs",
                    () -> sageMaker.sageMaker().listTrainingJobs(listRequest(page)));
            all.addAll(response.trainingJobSummaries());
            token = response.nextToken();
        } while (token != null);
        return all.stream().sorted(Comparator.comparing(TrainingJobSummary::creationTime))
                .map(TrainingJobSummary::trainingJobName).toList();
    }

    @Override
    public void stop(String name) {
        TrainingJobDescription current = describe(name).orElseThrow(() -> new ResourceNotFoundException("sagemaker",
                "training job '" + name + "' does not exist"));
        if (current.status() == TrainingJobStatus.IN_PROGRESS) {
            sageMaker.call("StopTrainingJob", () -> sageMaker.sageMaker().stopTrainingJob(r -> r.trainingJobName(name)));
        }
    }

    /** The job's own metric definitions (from DescribeTrainingJob) applied to its CloudWatch logs. */
    @Override
    public List<MetricSample> metricHistory(String name) {
        DescribeTrainingJobResponse job = describeResponse(name).orElseThrow(() -> new ResourceNotFoundException("sagemaker",
                "training job '" + name + "' does not exist"));
        var extractor = new MetricExtractor(job.algorithmSpecification().metricDefinitions()
                .stream().map(d -> MetricDefinition.of(d.name(), d.regex())).toList());
        return extractor.samples(logs(name));
    }

    @Override
    public List<LogEvent> logs(String name) {
        if (describeResponse(name).isEmpty()) {
            throw new ResourceNotFoundException("sagemaker", "training job '" + name + "' does not exist");
        }
        List<LogStream> streams;
        try {
            streams = sageMaker.call("DescribeLogStreams", () -> sageMaker.logs().describeLogStreams(r -> r
                    .logGroupName(LOG_GROUP).logStreamNamePrefix(name + "/"))).logStreams();
        } catch (ResourceNotFoundException e) {
            return List.of();
        }
        List<LogEvent> events = new ArrayList<>();
        for (LogStream stream : streams) {
            String token = null;
            while (true) {
                String from = token;
                GetLogEventsResponse page = sageMaker.call("GetLogEvents", () -> sageMaker.logs().getLogEvents(r -> r
                        .logGroupName(LOG_GROUP).logStreamName(stream.logStreamName()).startFromHead(true).nextToken(from)));
                page.events().forEach(e -> events.add(new LogEvent(Instant.ofEpochMilli(e.timestamp()), e.message())));
                if (page.events().isEmpty() || page.nextForwardToken() == null || page.nextForwardToken().equals(from)) {
                    break;
                }
                token = page.nextForwardToken();
            }
        }
        events.sort(Comparator.comparing(LogEvent::timestamp));
        return events;
    }
}
