package io.mlplane.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanTest {

    @Test
    void toJsonHasTheDocumentedShapeAndRedactsSecrets() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("TrainingJobName", "x");
        body.put("Environment", Map.of("TOKEN", Secret.of("s3cr3t")));
        body.put("Count", 2);
        Plan plan = new Plan("sagemaker", List.of(new PlannedRequest("sagemaker", "CreateTrainingJob", body)));

        JsonNode json = new ObjectMapper().readTree(plan.toJson());

        assertThat(json.path("backend").asText()).isEqualTo("sagemaker");
        JsonNode request = json.path("requests").get(0);
        assertThat(request.path("service").asText()).isEqualTo("sagemaker");
        assertThat(request.path("operation").asText()).isEqualTo("CreateTrainingJob");
        assertThat(request.path("body").path("Environment").path("TOKEN").asText()).isEqualTo("****");
        assertThat(request.path("body").path("Count").asInt()).isEqualTo(2);
        assertThat(plan.toJson()).doesNotContain("s3cr3t");
        assertThat(plan.toJson().indexOf("TrainingJobName")).isLessThan(plan.toJson().indexOf("Count"));
    }

    @Test
    void toYamlPrintsOneDocumentPerRequestAndKeepsStringsStrings() throws Exception {
        Plan plan = new Plan("kubernetes", List.of(
                new PlannedRequest("kubernetes", "apply v1 ConfigMap", Map.of("kind", "ConfigMap",
                        "data", Map.of("epochs", "300", "flag", "true", "script", "#!/bin/sh\necho hi\n"))),
                new PlannedRequest("kubernetes", "apply v1 Secret", Map.of("kind", "Secret",
                        "stringData", Map.of("TOKEN", Secret.of("s3cr3t"))))));

        String yaml = plan.toYaml();

        assertThat(yaml).doesNotContain("s3cr3t").contains("script: |");
        ObjectMapper mapper = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        List<JsonNode> documents;
        try (var parser = mapper.getFactory().createParser(yaml)) {
            documents = mapper.readValues(parser, JsonNode.class).readAll();
        }
        assertThat(documents).hasSize(2);
        assertThat(documents.get(0).path("data").path("epochs").isTextual()).isTrue();
        assertThat(documents.get(0).path("data").path("flag").isTextual()).isTrue();
        assertThat(documents.get(0).path("data").path("script").asText()).isEqualTo("#!/bin/sh\necho hi\n");
        assertThat(documents.get(1).path("stringData").path("TOKEN").asText()).isEqualTo("****");
    }

    @Test
    void bodiesAreDeeplyImmutableCopies() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("a", 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("inner", inner);
        PlannedRequest request = new PlannedRequest("s", "op", body);

        inner.put("b", 2);

        @SuppressWarnings("unchecked")
        Map<String, Object> copied = (Map<String, Object>) request.body().get("inner");
        assertThat(copied).containsOnlyKeys("a");
        assertThatThrownBy(() -> copied.put("c", 3)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new PlannedRequest("s", "op", Map.of("x", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretsCompareByValueButNeverPrint() {
        assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).isNotEqualTo(Secret.of("b"));
        assertThat(Secret.of("a").toString()).isEqualTo("****");
        assertThat(Secret.of("a").reveal()).isEqualTo("a");
        assertThat(EnvironmentVariable.secret("K", "v").toString()).isEqualTo("K=****");
        assertThat(EnvironmentVariable.of("K", "v").toString()).isEqualTo("K=v");
    }
}
