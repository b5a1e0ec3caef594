package io.mlplane.training.internal;

import io.mlplane.training.LogEvent;
import io.mlplane.training.MetricDefinition;
import io.mlplane.training.MetricSample;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Applies a job's metric definitions to its log lines, as SageMaker does with the container's output. */
public final class MetricExtractor {

    /** Receives each value found. */
    public interface Sink {
        void metric(String name, double value);
    }

    private record Compiled(String name, Pattern pattern) {
    }

    private final List<Compiled> definitions;

    public MetricExtractor(List<MetricDefinition> definitions) {
        this.definitions = definitions.stream().map(d -> new Compiled(d.name(), Pattern.compile(d.regex()))).toList();
    }

    /** Every metric value in {@code events}, in order, stamped with its line's time. */
    public List<MetricSample> samples(List<LogEvent> events) {
        List<MetricSample> samples = new ArrayList<>();
        for (LogEvent event : events) {
            scan(event.message(), (name, value) -> samples.add(new MetricSample(name, value,
                    event.timestamp())));
        }
        return samples;
    }

    /** Reports every metric value in {@code line} (the first group of each matching definition). */
    public void scan(String line, Sink sink) {
        for (Compiled definition : definitions) {
            Matcher matcher = definition.pattern.matcher(line);
            while (matcher.find()) {
                String text = matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
                try {
                    sink.metric(definition.name, Double.parseDouble(text.trim()));
                } catch (NumberFormatException | NullPointerException e) {
                    // not a number: SageMaker ignores such matches too
                }
            }
        }
    }
}
