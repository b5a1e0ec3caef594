package io.mlplane.training;

import java.time.Instant;

/**
 * One line of a job's logs.
 *
 * @param timestamp when it was written
 * @param message the line, without a trailing newline
 */
public record LogEvent(Instant timestamp, String message) {
}
