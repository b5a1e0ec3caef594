package io.mlplane.training.internal;

import io.mlplane.core.spi.PlanBodies;
import io.mlplane.core.EnvironmentVariable;
import io.mlplane.training.Channel;
import io.mlplane.training.MetricDefinition;
import io.mlplane.training.Spot;
import io.mlplane.training.TrainingJobSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A backend-neutral view of a {@link TrainingJobSpec} as a plan body, for backends without a wire format of
 * their own (mock, local). Secret environment values are {@link io.mlplane.core.Secret}s, so they print
 * redacted.
 */
public final class TrainingSpecMap {

    private TrainingSpecMap() {
    }

    /** The spec as an ordered map; optional fields that are unset are left out. */
    public static Map<String, Object> of(TrainingJobSpec spec) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", spec.name());
        body.put("image", spec.image());
        if (!spec.entryPoint().isEmpty()) {
            body.put("entryPoint", spec.entryPoint());
        }
        if (spec.algorithm() != null) {
            body.put("algorithm", spec.algorithm().getClass().getName());
        }
        body.put("instanceType", spec.instanceType());
        body.put("instanceCount", spec.instanceCount());
        body.put("volumeSizeGb", spec.volumeSizeGb());
        putIfSet(body, "volumeKmsKeyId", spec.volumeKmsKeyId());
        body.put("inputMode", spec.inputMode().wireName());
        body.put("channels", spec.channels().stream().map(c -> channel(c, spec)).toList());
        body.put("hyperparameters", spec.hyperparameters());
        body.put("outputUri", spec.outputUri());
        putIfSet(body, "outputKmsKeyId", spec.outputKmsKeyId());
        body.put("maxRuntimeSeconds", spec.maxRuntime().toSeconds());
        Spot spot = spec.spot();
        if (spot != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("maxWaitSeconds", spot.maxWait().toSeconds());
            s.put("checkpointUri", spot.checkpointUri());
            s.put("checkpointLocalPath", spot.checkpointLocalPath());
            body.put("spot", s);
        }
        Map<String, Object> environment = new LinkedHashMap<>();
        for (EnvironmentVariable variable : spec.environment()) {
            environment.put(variable.name(), variable.planValue());
        }
        body.put("environment", environment);
        body.put("metricDefinitions", spec.metricDefinitions().stream().map(TrainingSpecMap::metric).toList());
        if (spec.vpcConfig() != null) {
            body.put("vpcConfig", PlanBodies.map("securityGroupIds", spec.vpcConfig().securityGroupIds(),
                    "subnets", spec.vpcConfig().subnets()));
        }
        body.put("networkIsolation", spec.networkIsolation());
        body.put("interContainerTrafficEncryption", spec.interContainerTrafficEncryption());
        body.put("tags", spec.tags());
        return body;
    }

    private static Map<String, Object> channel(Channel channel, TrainingJobSpec spec) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", channel.name());
        map.put("uri", channel.uri());
        putIfSet(map, "contentType", channel.contentType());
        map.put("compression", channel.compression().wireName());
        map.put("inputMode", channel.effectiveInputMode(spec.inputMode()).wireName());
        map.put("distribution", channel.distribution().wireName());
        putIfSet(map, "shuffleSeed", channel.shuffleSeed());
        return map;
    }

    private static Map<String, Object> metric(MetricDefinition definition) {
        return PlanBodies.map("name", definition.name(), "regex", definition.regex());
    }

    private static void putIfSet(Map<String, Object> map, String key, @Nullable Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
