package io.mlplane.training.local;

import java.io.IOException;
import java.nio.file.Path;

/** Keeps names that come from specs and data from leading outside the directory they belong in. */
final class SafePaths {

    private SafePaths() {
    }

    /** Whether {@code name} is a plain name: not empty, not {@code .} or {@code ..}, no separators. */
    static boolean plainName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\\') < 0 && name.indexOf('\0') < 0;
    }

    /** {@code base.resolve(relative)}, or an IOException if that would lead outside {@code base}. */
    static Path inside(Path base, String relative) throws IOException {
        Path resolved = base.resolve(relative).normalize();
        if (Path.of(relative).isAbsolute() || !resolved.startsWith(base.normalize())) {
            throw new IOException("'" + relative + "' leads outside " + base);
        }
        return resolved;
    }
}
