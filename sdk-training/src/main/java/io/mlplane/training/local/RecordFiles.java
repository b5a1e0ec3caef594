package io.mlplane.training.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * JSON records in the work directory, shared by the job and tuning-job stores: atomic writes, the owning process
 * (so that a record left in progress by a process that is gone is not believed), and listing.
 */
final class RecordFiles {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final ProcessHandle SELF = ProcessHandle.current();

    private RecordFiles() {
    }

    /** Marks {@code record} as owned by this process. */
    static void stampOwner(ObjectNode record) {
        record.put("ownerPid", SELF.pid());
        SELF.info().startInstant().ifPresent(start -> record.put("ownerStart", start.toString()));
    }

    /** Whether the process that wrote {@code record} is still running (the same process, not a reused pid). */
    static boolean ownerAlive(JsonNode record) {
        Optional<ProcessHandle> owner = ProcessHandle.of(record.path("ownerPid").asLong());
        if (owner.isEmpty() || !owner.get().isAlive()) {
            return false;
        }
        String recordedStart = record.path("ownerStart").asText(null);
        Optional<Instant> start = owner.get().info().startInstant();
        return recordedStart == null || start.isEmpty() || start.get().toString().equals(recordedStart);
    }

    /** Writes {@code record} to {@code file} atomically (a reader sees the old or the new record, never half). */
    static void write(Path file, JsonNode record) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "record", ".json.tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), record);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write record " + file, e);
        }
    }

    /** The record in {@code file}, if there is one. */
    static Optional<JsonNode> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable record " + file, e);
        }
    }

    /** The names of the subdirectories of {@code root} that hold a {@code fileName} record, sorted. */
    static List<String> names(Path root, String fileName) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(fileName))).map(d -> d.getFileName().toString())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
