package io.mlplane.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the project's {@code ../shared/specs} folder (official service models and CRDs) for tests that check
 * requests against them. Tests call {@link #require()} and are skipped, with the reason, only when the folder
 * is absent; CI always has it.
 */
public final class SharedSpecs {

    private static final Map<String, JsonNode> CACHE = new ConcurrentHashMap<>();

    private SharedSpecs() {
    }

    /** The specs folder, or skips the calling test when it is absent. */
    public static Path require() {
        Path dir = locate();
        assumeTrue(dir != null, "../shared/specs is absent: the service models and CRDs live beside the project"
                + " checkout (set -Dmlplane.shared.dir to point at another copy)");
        return dir;
    }

    /** The SageMaker service model ({@code aws/sagemaker-service-2.json}), parsed once. */
    public static JsonNode sageMakerModel() {
        return json("aws/sagemaker-service-2.json");
    }

    /** A JSON file under the specs folder, parsed once. */
    public static JsonNode json(String relative) {
        Path file = require().resolve(relative);
        return CACHE.computeIfAbsent(file.toString(), k -> {
            try {
                return new ObjectMapper().readTree(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Path locate() {
        String configured = System.getProperty("mlplane.shared.dir");
        if (configured != null && Files.isDirectory(Path.of(configured, "specs"))) {
            return Path.of(configured, "specs").toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("specs");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
