package io.mlplane.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.mlplane.core.Plan;
import io.mlplane.core.PlannedRequest;
import io.mlplane.core.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes plans as JSON with every {@link Secret} redacted. */
public final class PlanJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule("mlplane-secrets").addSerializer(Secret.class, new RedactingSerializer()));

    private PlanJson() {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()
            .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS))
            .registerModule(new SimpleModule("mlplane-secrets-yaml").addSerializer(Secret.class, new RedactingSerializer()));

    /** The request bodies as YAML documents separated by {@code ---}. */
    public static String yaml(Plan plan) {
        StringBuilder out = new StringBuilder();
        for (PlannedRequest request : plan.requests()) {
            try {
                out.append("---\n").append(YAML.writeValueAsString(request.body()));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString();
    }

    /** The plan as pretty-printed JSON. */
    public static String write(Plan plan) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("backend", plan.backend());
        root.put("requests", plan.requests().stream().map(PlanJson::request).toList());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> request(PlannedRequest request) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("service", request.service());
        map.put("operation", request.operation());
        map.put("body", request.body());
        return map;
    }

    /** Prints every secret as {@value Secret#REDACTED}. */
    static final class RedactingSerializer extends StdSerializer<Secret> {
        private static final long serialVersionUID = 1L;

        RedactingSerializer() {
            super(Secret.class);
        }

        @Override
        public void serialize(Secret value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(Secret.REDACTED);
        }
    }
}
