package scar.data;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where the files of a dataset come from: a folder on disk or a classpath prefix (the bundled datasets inside the
 * jar). Names are relative ({@code "labels.csv"}); {@link #describe} gives the text that error messages show.
 */
interface Source {

    /** Opens the named file; a missing file or a folder is an {@link UncheckedIOException} whose message names it. */
    InputStream open(String name);

    /** Whether the named file exists (a folder of that name counts: opening it then says it is a folder). */
    boolean exists(String name);

    /** The full location of {@code name}, for messages. */
    String describe(String name);

    /** A folder on disk. */
    static Source folder(Path folder) {
        return new Source() {
            @Override
            public InputStream open(String name) {
                return openFile(folder.resolve(name));
            }

            @Override
            public boolean exists(String name) {
                return Files.exists(folder.resolve(name));
            }

            @Override
            public String describe(String name) {
                return folder.resolve(name).toString();
            }
        };
    }

    /** Resources under {@code prefix} (no trailing slash) on the classpath of this library. */
    static Source classpath(String prefix) {
        ClassLoader loader = Source.class.getClassLoader();
        return new Source() {
            @Override
            public InputStream open(String name) {
                InputStream in = loader.getResourceAsStream(prefix + "/" + name);
                if (in == null) {
                    throw new UncheckedIOException(new FileNotFoundException(
                            "classpath resource " + describe(name) + " not found"));
                }
                return in;
            }

            @Override
            public boolean exists(String name) {
                return loader.getResource(prefix + "/" + name) != null;
            }

            @Override
            public String describe(String name) {
                return "classpath:" + prefix + "/" + name;
            }
        };
    }

    /**
     * Opens a file, turning a missing or unreadable file, or a folder where a file was expected, into an
     * {@link UncheckedIOException} naming the path. A named pipe works too ({@code --labels <(...)} in a shell):
     * this is a {@link java.io.FileInputStream}, because on Java 17 the stream of {@code Files.newInputStream} asks
     * a pipe for its position when buffered and fails with "Illegal seek".
     */
    static InputStream openFile(Path file) {
        requireFile(file);
        try {
            return new java.io.FileInputStream(file.toFile());
        } catch (FileNotFoundException e) {
            if (!Files.exists(file)) {
                throw new UncheckedIOException("file not found: " + file, new NoSuchFileException(file.toString()));
            }
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Checks that {@code file} is not a folder (a folder opens on some systems and fails only when read). */
    static void requireFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new UncheckedIOException(file + " is a folder; expected a file",
                    new java.nio.file.FileSystemException(file.toString(), null, "is a folder"));
        }
    }
}
