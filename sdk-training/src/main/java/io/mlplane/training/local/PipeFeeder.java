package io.mlplane.training.local;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pipe input mode, as SageMaker does it: the channel appears as a named FIFO {@code <channel>_<epoch>}; a writer
 * streams the channel's files through it in name order, and when the reader has read an epoch to its end the
 * next epoch's FIFO appears. Runs until {@link #close()}.
 */
final class PipeFeeder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PipeFeeder.class);

    private final Path dataDir;
    private final String channel;
    private final List<Path> files;
    private final Thread writer;
    private volatile boolean closed;
    private volatile Path current;

    PipeFeeder(Path dataDir, String channel, List<Path> files) throws IOException {
        this.dataDir = dataDir;
        this.channel = channel;
        this.files = files;
        this.current = fifo(0);
        this.writer = new Thread(this::feed, "mlplane-pipe-" + channel);
        writer.setDaemon(true);
        writer.start();
    }

    /** Whether FIFOs can be made on this machine. */
    static boolean supported() {
        try {
            Path probe = Files.createTempFile("mlplane-fifo-probe", "");
            Files.delete(probe);
            Process process = new ProcessBuilder("mkfifo", probe.toString()).redirectErrorStream(true).start();
            boolean made = process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0;
            Files.deleteIfExists(probe);
            return made;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private Path fifo(int epoch) throws IOException {
        Path path = dataDir.resolve(channel + "_" + epoch);
        Files.deleteIfExists(path);
        try {
            Process process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("mkfifo " + path + " failed: " + new String(process.getInputStream().readAllBytes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making " + path, e);
        }
        return path;
    }

    private void feed() {
        int epoch = 0;
        while (!closed) {
            try (OutputStream out = Files.newOutputStream(current)) {
                for (Path file : files) {
                    if (closed) {
                        return;
                    }
                    try (InputStream in = Files.newInputStream(file)) {
                        in.transferTo(out);
                    }
                }
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("pipe {} epoch {} ended early: {}", channel, epoch, e.toString());
                }
            }
            if (closed) {
                return;
            }
            epoch++;
            try {
                current = fifo(epoch);
            } catch (IOException e) {
                LOG.warn("cannot make the FIFO for epoch {} of channel {}: {}", epoch, channel, e.toString());
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        // A writer blocked opening a FIFO nobody reads is released by opening it for reading once.
        Path blocked = current;
        Thread opener = new Thread(() -> {
            try {
                new FileInputStream(blocked.toFile()).close();
            } catch (IOException e) {
                // the FIFO is gone already
            }
        });
        opener.setDaemon(true);
        opener.start();
        try {
            writer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
