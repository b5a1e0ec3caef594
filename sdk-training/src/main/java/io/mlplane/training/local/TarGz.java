package io.mlplane.training.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/** Packs a directory as a gzip-compressed POSIX (ustar) tar file, as SageMaker packs {@code model.tar.gz}. */
final class TarGz {

    private static final int BLOCK = 512;

    private TarGz() {
    }

    /** Writes the files below {@code directory}, relative to it and in name order, to {@code target}. */
    static void pack(Path directory, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial))) {
            for (Path file : files) {
                String name = directory.relativize(file).toString().replace('\\', '/');
                long size = Files.size(file);
                out.write(header(name, size, Files.getLastModifiedTime(file).toMillis() / 1000));
                Files.copy(file, out);
                int padding = (int) ((BLOCK - size % BLOCK) % BLOCK);
                out.write(new byte[padding]);
            }
            out.write(new byte[BLOCK * 2]);
        }
        Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static byte[] header(String name, long size, long mtime) throws IOException {
        byte[] header = new byte[BLOCK];
        String prefix = "";
        if (name.getBytes(StandardCharsets.UTF_8).length > 100) {
            int slash = name.lastIndexOf('/', 154);
            if (slash < 0 || name.length() - slash - 1 > 100) {
                throw new IOException("path too long for a tar entry: " + name);
            }
            prefix = name.substring(0, slash);
            name = name.substring(slash + 1);
        }
        put(header, 0, 100, name);
        put(header, 100, 8, "0000644");
        put(header, 108, 8, "0000000");
        put(header, 116, 8, "0000000");
        put(header, 124, 12, String.format("%011o", size));
        put(header, 136, 12, String.format("%011o", mtime));
        java.util.Arrays.fill(header, 148, 156, (byte) ' ');
        header[156] = '0';
        put(header, 257, 6, "ustar");
        put(header, 263, 2, "00");
        put(header, 345, 155, prefix);
        long checksum = 0;
        for (byte b : header) {
            checksum += b & 0xff;
        }
        put(header, 148, 8, String.format("%06o", checksum));
        header[154] = 0;
        header[155] = ' ';
        return header;
    }

    private static void put(byte[] header, int offset, int length, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, length));
    }
}
