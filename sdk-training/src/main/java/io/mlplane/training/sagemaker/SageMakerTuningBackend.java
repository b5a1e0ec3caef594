package io.mlplane.training.sagemaker;

import io.mlplane.core.ConflictException;
import io.mlplane.core.PlannedRequest;
import io.mlplane.core.ResourceNotFoundException;
import io.mlplane.core.sagemaker.SageMakerContext;
import io.mlplane.training.Objective;
import io.mlplane.training.Trial;
import io.mlplane.training.TuningJobDescription;
import io.mlplane.training.TuningJobSpec;
import io.mlplane.training.TuningJobStatus;
import io.mlplane.training.spi.TuningBackend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sagemaker.model.CreateHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTrainingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobSummary;
import software.amazon.awssdk.services.sagemaker.model.ListHyperParameterTuningJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsForHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/**
 * Tuning jobs on SageMaker: CreateHyperParameterTuningJob (idempotent through the spec-hash tag, as training
 * jobs), DescribeHyperParameterTuningJob with the trials from ListTrainingJobsForHyperParameterTuningJob, and
 * StopHyperParameterTuningJob.
 */
final class SageMakerTuningBackend implements TuningBackend {

    private final SageMakerContext sageMaker;
    private final CreateTuningJobMapper mapper;

    SageMakerTuningBackend(SageMakerContext sageMaker) {
        this.sageMaker = sageMaker;
        this.mapper = new CreateTuningJobMapper(sageMaker.config());
    }

    @Override
    public List<PlannedRequest> plan(TuningJobSpec spec) {
        CreateHyperParameterTuningJobRequest request = mapper.request(spec);
        return List.of(new PlannedRequest("sagemaker", "CreateHyperParameterTuningJob", mapper.planBody(spec, request)));
    }

    @Override
    public TuningJobDescription create(TuningJobSpec spec) {
        CreateHyperParameterTuningJobRequest request = mapper.request(spec);
        try {
            sageMaker.call("CreateHyperParameterTuningJob", () -> sageMaker.sageMaker().createHyperParameterTuningJob(request));
        } catch (ConflictException taken) {
            DescribeHyperParameterTuningJobResponse existing = describeResponse(spec.name()).orElseThrow(() -> taken);
            String wanted = hash(request.tags());
            String found = sageMaker.call("ListTags", () -> sageMaker.sageMaker().listTags(r -> r
                    .resourceArn(existing.hyperParameterTuningJobArn()).maxResults(100))).tags().stream()
                    .filter(t -> t.key().equals(CreateTrainingJobMapper.SPEC_HASH_TAG)).map(Tag::value).findFirst().orElse(null);
            if (!wanted.equals(found)) {
                throw new ConflictException("sagemaker", "tuning job '" + spec.name() + "' already exists with a different spec: "
                        + taken.getMessage(), taken.errorCode(), taken.requestId(), taken.statusCode(), taken);
            }
        }
        return describe(spec.name()).orElseThrow();
    }

    private static String hash(List<Tag> tags) {
        return tags.stream().filter(t -> t.key().equals(CreateTrainingJobMapper.SPEC_HASH_TAG)).map(Tag::value)
                .findFirst().orElseThrow();
    }

    private Optional<DescribeHyperParameterTuningJobResponse> describeResponse(String name) {
        try {
            return Optional.of(sageMaker.call("DescribeHyperParameterTuningJob", () -> sageMaker.sageMaker()
                    .describeHyperParameterTuningJob(r -> r.hyperParameterTuningJobName(name))));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<TuningJobDescription> describe(String name) {
        return describeResponse(name).map(this::describe);
    }

    private TuningJobDescription describe(DescribeHyperParameterTuningJobResponse r) {
        var objective = r.hyperParameterTuningJobConfig().hyperParameterTuningJobObjective();
        Objective goal = "Maximize".equals(objective.typeAsString()) ? Objective.maximize(objective.metricName())
                : Objective.minimize(objective.metricName());
        Integer max = r.hyperParameterTuningJobConfig().resourceLimits().maxNumberOfTrainingJobs();
        return new TuningJobDescription(r.hyperParameterTuningJobName(), status(r.hyperParameterTuningJobStatusAsString()),
                goal, max == null ? 0 : max, trials(r.hyperParameterTuningJobName()), r.failureReason(), r.creationTime(),
                r.hyperParameterTuningEndTime());
    }

    private List<Trial> trials(String tuningJob) {
        List<HyperParameterTrainingJobSummary> summaries = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            ListTrainingJobsForHyperParameterTuningJobResponse response = sageMaker.call(
                    "ListTrainingJobsForHyperParameterTuningJob", () -> sageMaker.sageMaker()
                            .listTrainingJobsForHyperParameterTuningJob(r -> r.hyperParameterTuningJobName(tuningJob)
                                    .maxResults(100).nextToken(page)));
            summaries.addAll(response.trainingJobSummaries());
            token = response.nextToken();
        } while (token != null);
        return summaries.stream().sorted(Comparator.comparing(HyperParameterTrainingJobSummary::creationTime)
                        .thenComparing(HyperParameterTrainingJobSummary::trainingJobName))
                .map(s -> new Trial(s.trainingJobName(), s.tunedHyperParameters(),
                        s.finalHyperParameterTuningJobObjectiveMetric() == null ? null
                                : Double.valueOf(s.finalHyperParameterTuningJobObjectiveMetric().value().toString()),
                        TrainingJobDescriptions.status(s.trainingJobStatusAsString())))
                .toList();
    }

    private static TuningJobStatus status(String wireName) {
        for (TuningJobStatus status : TuningJobStatus.values()) {
            if (status.wireName().equals(wireName)) {
                return status;
            }
        }
        return TuningJobStatus.IN_PROGRESS;
    }

    @Override
    public List<String> listNames() {
        List<HyperParameterTuningJobSummary> all = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            ListHyperParameterTuningJobsResponse response = sageMaker.call("ListHyperParameterTuningJobs",
                    () -> sageMaker.sageMaker().listHyperParameterTuningJobs(r -> r.maxResults(100).nextToken(page)));
            all.addAll(response.hyperParameterTuningJobSummaries());
            token = response.nextToken();
        } while (token != null);
        return all.stream().sorted(Comparator.comparing(HyperParameterTuningJobSummary::creationTime))
                .map(HyperParameterTuningJobSummary::hyperParameterTuningJobName).toList();
    }

    @Override
    public void stop(String name) {
        DescribeHyperParameterTuningJobResponse current = describeResponse(name).orElseThrow(() ->
                new ResourceNotFoundException("sagemaker", "tuning job '" + name + "' does not exist"));
        if (status(current.hyperParameterTuningJobStatusAsString()) == TuningJobStatus.IN_PROGRESS) {
            sageMaker.call("StopHyperParameterTuningJob", () -> sageMaker.sageMaker()
                    .stopHyperParameterTuningJob(r -> r.hyperParameterTuningJobName(name)));
        }
    }
}
