package io.mlplane.core.sagemaker;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * An AWS SDK request object as the JSON body it is sent as (AWS JSON 1.1: member names exactly as in the
 * service model, unset members left out), so that a plan shows precisely what a submit sends, from the very
 * object that is sent.
 */
public final class AwsWireForm {

    private AwsWireForm() {
    }

    /** The wire form of {@code request} as an ordered map. */
    public static Map<String, Object> of(SdkPojo request) {
        return structure(request);
    }

    private static Map<String, Object> structure(SdkPojo pojo) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>) {
                continue;
            }
            body.put(field.locationName(), wire(value));
        }
        return body;
    }

    private static Object wire(Object value) {
        if (value instanceof SdkPojo pojo) {
            return structure(pojo);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AwsWireForm::wire).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), wire(v)));
            return copy;
        }
        if (value instanceof Instant instant) {
            return instant.toEpochMilli() / 1000.0;
        }
        if (value instanceof SdkBytes bytes) {
            return java.util.Base64.getEncoder().encodeToString(bytes.asByteArray());
        }
        return value;
    }
}
