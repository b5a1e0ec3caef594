package io.mlplane.training.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an in-process {@link TrainingAlgorithm} gets: the same directories and settings a SageMaker training
 * container finds under {@code /opt/ml}, plus ways to report metrics and log lines and to notice a stop.
 */
public interface TrainingContext {

    /** The job name. */
    String jobName();

    /** This host's name, {@code algo-1} to {@code algo-N}. */
    String currentHost();

    /** All hosts of the job, in order. */
    List<String> hosts();

    /** The hyperparameters, as strings. */
    Map<String, String> hyperparameters();

    /** Each channel's directory (or, in Pipe mode, the FIFO of its first epoch). */
    Map<String, Path> channels();

    /** Where to write the model; packed as {@code model.tar.gz} when the job completes. */
    Path modelDir();

    /** Where to write other outputs. */
    Path outputDataDir();

    /** Where checkpoints live; kept across spot interruptions and restored on restart. */
    Path checkpointDir();

    /** How many times the job was interrupted before this run (0 on the first run). */
    int restarts();

    /** Reports a metric value; the last one reported becomes the final value. */
    void metric(String name, double value);

    /** Writes a line to the job's logs (metric definitions apply to it too). */
    void log(String line);

    /** Whether the job is being stopped or interrupted: finish up (checkpoint) and return. */
    boolean stopRequested();
}
