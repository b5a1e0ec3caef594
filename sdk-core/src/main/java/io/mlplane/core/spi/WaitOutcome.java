package io.mlplane.core.spi;

import java.util.Map;

/**
 * The end of a successful {@link PollingWaiter} run: the terminal observation of every awaited resource, in
 * the order they were given, and how many batch polls it took.
 *
 * @param results name to terminal observation
 * @param polls the number of batch polls made (one backend batch call each)
 */
public record WaitOutcome<T>(Map<String, T> results, int polls) {
}
