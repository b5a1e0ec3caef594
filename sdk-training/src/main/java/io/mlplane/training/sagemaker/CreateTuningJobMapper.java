package io.mlplane.training.sagemaker;

import io.mlplane.core.EnvironmentVariable;
import io.mlplane.core.sagemaker.AwsWireForm;
import io.mlplane.core.sagemaker.SageMakerConfig;
import io.mlplane.core.spi.Violations;
import io.mlplane.training.Parameter;
import io.mlplane.training.TuningJobSpec;
import io.mlplane.training.internal.SpecHash;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sagemaker.model.CategoricalParameterRange;
import software.amazon.awssdk.services.sagemaker.model.ContinuousParameterRange;
import software.amazon.awssdk.services.sagemaker.model.CreateHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterAlgorithmSpecification;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTrainingJobDefinition;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobConfig;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobObjective;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobStrategyConfig;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobWarmStartConfig;
import software.amazon.awssdk.services.sagemaker.model.HyperbandStrategyConfig;
import software.amazon.awssdk.services.sagemaker.model.IntegerParameterRange;
import software.amazon.awssdk.services.sagemaker.model.ParameterRanges;
import software.amazon.awssdk.services.sagemaker.model.ParentHyperParameterTuningJob;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimits;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/**
 * Maps a {@link TuningJobSpec} to CreateHyperParameterTuningJob: the training template becomes the training job
 * definition (the template's hyperparameters minus the tuned ones become the static hyperparameters), the
 * parameters become ranges, early stopping becomes {@code Auto}; tagged with a spec hash for idempotency.
 */
final class CreateTuningJobMapper {

    /** SageMaker allows fewer environment variables in tuning jobs than in training jobs. */
    private static final int MAX_ENVIRONMENT = 48;

    private final CreateTrainingJobMapper training;

    CreateTuningJobMapper(SageMakerConfig config) {
        this.training = new CreateTrainingJobMapper(config);
    }

    CreateHyperParameterTuningJobRequest request(TuningJobSpec spec) {
        Violations v = Violations.of("TuningJobSpec '" + spec.name() + "' on SageMaker");
        v.check(spec.trainingTemplate().entryPoint().isEmpty(), "trainingTemplate.entryPoint",
                "SageMaker tuning jobs cannot set a container entry point; bake it into the image");
        v.check(spec.trainingTemplate().environment().size() <= MAX_ENVIRONMENT, "trainingTemplate.environment",
                "SageMaker tuning jobs allow at most " + MAX_ENVIRONMENT + " environment variables");
        v.throwIfAny();
        CreateTrainingJobRequest template = training.untagged(spec.trainingTemplate());
        HyperParameterTrainingJobDefinition.Builder definition = HyperParameterTrainingJobDefinition.builder()
                .algorithmSpecification(HyperParameterAlgorithmSpecification.builder()
                        .trainingImage(template.algorithmSpecification().trainingImage())
                        .trainingInputMode(template.algorithmSpecification().trainingInputModeAsString())
                        .metricDefinitions(template.algorithmSpecification().metricDefinitions()).build())
                .roleArn(template.roleArn())
                .outputDataConfig(template.outputDataConfig())
                .resourceConfig(template.resourceConfig())
                .stoppingCondition(template.stoppingCondition())
                .vpcConfig(template.vpcConfig())
                .enableNetworkIsolation(template.enableNetworkIsolation())
                .enableInterContainerTrafficEncryption(template.enableInterContainerTrafficEncryption())
                .enableManagedSpotTraining(template.enableManagedSpotTraining())
                .checkpointConfig(template.checkpointConfig());
        if (template.hasInputDataConfig()) {
            definition.inputDataConfig(template.inputDataConfig());
        }
        if (!spec.staticHyperparameters().isEmpty()) {
            definition.staticHyperParameters(spec.staticHyperparameters());
        }
        if (template.hasEnvironment()) {
            definition.environment(template.environment());
        }
        HyperParameterTuningJobConfig.Builder config = HyperParameterTuningJobConfig.builder()
                .strategy(spec.strategy().wireName())
                .hyperParameterTuningJobObjective(HyperParameterTuningJobObjective.builder()
                        .type(spec.objective().maximize() ? "Maximize" : "Minimize").metricName(spec.objective().metric()).build())
                .resourceLimits(ResourceLimits.builder().maxNumberOfTrainingJobs(spec.maxTrials())
                        .maxParallelTrainingJobs(spec.maxParallelTrials()).build())
                .parameterRanges(ranges(spec))
                .trainingJobEarlyStoppingType(spec.earlyStopping() ? "Auto" : "Off");
        if (spec.hyperbandResources() != null) {
            config.strategyConfig(HyperParameterTuningJobStrategyConfig.builder().hyperbandStrategyConfig(
                    HyperbandStrategyConfig.builder().minResource(spec.hyperbandResources().minResource())
                            .maxResource(spec.hyperbandResources().maxResource()).build()).build());
        }
        if (spec.randomSeed() != null) {
            config.randomSeed((int) Math.min(Integer.MAX_VALUE, spec.randomSeed()));
        }
        CreateHyperParameterTuningJobRequest.Builder request = CreateHyperParameterTuningJobRequest.builder()
                .hyperParameterTuningJobName(spec.name())
                .hyperParameterTuningJobConfig(config.build())
                .trainingJobDefinition(definition.build())
                .tags(tags(spec, template));
        if (spec.warmStart() != null) {
            request.warmStartConfig(HyperParameterTuningJobWarmStartConfig.builder()
                    .parentHyperParameterTuningJobs(spec.warmStart().parents().stream()
                            .map(p -> ParentHyperParameterTuningJob.builder().hyperParameterTuningJobName(p).build()).toList())
                    .warmStartType(spec.warmStart().type().wireName()).build());
        }
        CreateHyperParameterTuningJobRequest untagged = request.build();
        List<Tag> tagged = new ArrayList<>(untagged.tags());
        tagged.add(Tag.builder().key(CreateTrainingJobMapper.SPEC_HASH_TAG).value(SpecHash.of(planBody(spec, untagged))).build());
        return untagged.toBuilder().tags(tagged).build();
    }

    private static List<Tag> tags(TuningJobSpec spec, CreateTrainingJobRequest template) {
        Map<String, String> tags = new LinkedHashMap<>();
        template.tags().forEach(t -> tags.put(t.key(), t.value()));
        tags.putAll(spec.tags());
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    private static ParameterRanges ranges(TuningJobSpec spec) {
        List<ContinuousParameterRange> continuous = new ArrayList<>();
        List<IntegerParameterRange> integers = new ArrayList<>();
        List<CategoricalParameterRange> categorical = new ArrayList<>();
        for (Parameter p : spec.parameters()) {
            switch (p.type()) {
                case CONTINUOUS -> continuous.add(ContinuousParameterRange.builder().name(p.name()).minValue(p.format(p.min()))
                        .maxValue(p.format(p.max())).scalingType(p.scaling().wireName()).build());
                case INTEGER -> integers.add(IntegerParameterRange.builder().name(p.name()).minValue(p.format(p.min()))
                        .maxValue(p.format(p.max())).scalingType(p.scaling().wireName()).build());
                case CATEGORICAL -> categorical.add(CategoricalParameterRange.builder().name(p.name()).values(p.values()).build());
            }
        }
        ParameterRanges.Builder ranges = ParameterRanges.builder();
        if (!continuous.isEmpty()) {
            ranges.continuousParameterRanges(continuous);
        }
        if (!integers.isEmpty()) {
            ranges.integerParameterRanges(integers);
        }
        if (!categorical.isEmpty()) {
            ranges.categoricalParameterRanges(categorical);
        }
        return ranges.build();
    }

    /** The request's wire body, with the template's secret environment values as redacted secrets. */
    @SuppressWarnings("unchecked")
    Map<String, Object> planBody(TuningJobSpec spec, CreateHyperParameterTuningJobRequest request) {
        Map<String, Object> body = AwsWireForm.of(request);
        if (body.get("TrainingJobDefinition") instanceof Map<?, ?> definition
                && definition.get("Environment") instanceof Map<?, ?>) {
            Map<String, Object> environment = new LinkedHashMap<>((Map<String, Object>) definition.get("Environment"));
            for (EnvironmentVariable variable : spec.trainingTemplate().environment()) {
                environment.put(variable.name(), variable.planValue());
            }
            ((Map<String, Object>) definition).put("Environment", environment);
        }
        return body;
    }
}
