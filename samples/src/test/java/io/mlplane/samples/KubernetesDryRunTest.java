package io.mlplane.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mlplane.training.kubernetes.CrdSchemas;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Kubernetes dry run prints manifests that conform to the upstream CRDs, for the SageMaker sample's job. */
class KubernetesDryRunTest {

    @Test
    @SuppressWarnings("unchecked")
    void printedManifestsConformToTheCrds() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            KubernetesDryRun.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String printed = buffer.toString(StandardCharsets.UTF_8);

        assertThat(printed).startsWith("# ").contains("PIPE_MODE").contains("sagemaker backend");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = yaml.getFactory().createParser(printed)) {
            documents.addAll(yaml.readValues(parser, JsonNode.class).readAll());
        }
        assertThat(documents).extracting(d -> d.path("kind").asText()).containsExactly("ConfigMap", "PyTorchJob");
        for (JsonNode document : documents) {
            assertThat(CrdSchemas.validate(yaml.convertValue(document, Map.class))).isEmpty();
        }
        JsonNode job = documents.get(1);
        assertThat(job.path("metadata").path("name").asText()).isEqualTo(MockQuickstart.JOB_NAME);
        assertThat(job.path("spec").path("runPolicy").path("activeDeadlineSeconds").asLong()).isEqualTo(6 * 3600);
        JsonNode pod = job.path("spec").path("pytorchReplicaSpecs").path("Master").path("template").path("spec");
        assertThat(pod.path("nodeSelector").path("karpenter.sh/capacity-type").asText()).isEqualTo("spot");
        assertThat(pod.path("serviceAccountName").asText()).isEqualTo("training-irsa");
    }
}
