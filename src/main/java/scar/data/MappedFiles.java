package scar.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The files memory-mapped by live matrices, so that a fault in reading one is reported as an answer that names the
 * file. When another program truncates a file while it is mapped, reading a page beyond the new end is a bus error
 * that the JVM turns into {@code java.lang.InternalError: a fault occurred in a (recent) unsafe memory access
 * operation}; in compiled code it surfaces later, at a safepoint, possibly in a caller of the read and on a worker
 * thread. {@link #isFault} recognises that error and {@link #fault()} says which mapped file is now shorter than its
 * mapping.
 */
public final class MappedFiles {
    /** Mapped matrix → (file, the length its mapping needs); entries go when their matrix is collected. */
    private static final Map<Object, Mapping> LIVE = new WeakHashMap<>();

    private record Mapping(Path file, long length) {
    }

    private MappedFiles() {
    }

    /** Records that {@code owner} maps {@code file}, whose mapped data ends at byte {@code length}. */
    static void register(Object owner, Path file, long length) {
        synchronized (LIVE) {
            LIVE.put(owner, new Mapping(file, length));
        }
    }

    /** Whether {@code e}, or a cause of it, is the JVM's report of a fault while reading mapped memory. */
    public static boolean isFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InternalError && t.getMessage() != null
                    && t.getMessage().contains("unsafe memory access")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The one-line answer to a fault ({@link #isFault}): the mapped files that are now shorter than their mapping,
     * with both lengths; or, when none is (the file changed in place, or the fault came from elsewhere), every
     * mapped file.
     */
    public static String fault() {
        List<Mapping> mappings;
        synchronized (LIVE) {
            mappings = List.copyOf(new java.util.LinkedHashSet<>(LIVE.values()));
        }
        List<String> shortened = new ArrayList<>();
        for (Mapping m : mappings) {
            try {
                long size = Files.size(m.file());
                if (size < m.length()) {
                    shortened.add(m.file() + " was truncated while being read: it is now "
                            + String.format(java.util.Locale.ROOT, "%,d", size) + " bytes, its data needs "
                            + String.format(java.util.Locale.ROOT, "%,d", m.length()));
                }
            } catch (IOException e) {
                // deleted: its mapping still reads the old contents, so it is not what failed
            }
        }
        String again = "; run again once the file is complete";
        if (!shortened.isEmpty()) {
            return String.join("; ", shortened) + " (did another program shorten or rewrite it?)" + again;
        }
        String files = mappings.isEmpty() ? "" : " (" + String.join(", ",
                mappings.stream().map(m -> m.file().toString()).distinct().toList()) + ")";
        return "a memory-mapped input file" + files + " could not be read: another program truncated or changed it "
                + "while it was being read, or the storage under it failed" + again;
    }
}
