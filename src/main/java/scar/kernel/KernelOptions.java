package scar.kernel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel's options, read from environment variables that the kernelspec's {@code env} sets (as IJava's
 * {@code IJAVA_*} variables are set):
 *
 * <ul>
 *   <li>{@value #TIMEOUT}: the longest a cell may run, e.g. {@code 90s}, {@code 1500ms}, {@code 10m}, {@code 1h}
 *       (a bare number is seconds); a cell that runs longer is stopped as by an interrupt. Default: no limit.</li>
 *   <li>{@value #STARTUP_SCRIPT}: a file of Java snippets (imports, helper methods) run after the kernel's own
 *       imports, before the first cell; a snippet that fails is reported in the first cell.</li>
 *   <li>{@value #OUTPUT_LIMIT}: bytes of stdout and stderr one cell may send, e.g. {@code 1048576}, {@code 512k},
 *       {@code 4M}. Default {@value #DEFAULT_OUTPUT_LIMIT}.</li>
 *   <li>{@value #MAVEN_SETTINGS}: the Maven {@code settings.xml} that {@code %maven} reads instead of
 *       {@code ~/.m2/settings.xml} (local repository, offline mode, mirrors, proxies, repositories).</li>
 *   <li>{@value #IMPORTS}: a class-path resource listing a kernel's own imports, one snippet a line as in the
 *       kernel's {@code startup.jsh}, run right after those; the Spark kernel names Spark's
 *       ({@code scar/spark/kernel-startup.jsh}). Default: none.</li>
 * </ul>
 *
 * <p>A value that cannot be read is reported ({@link #problems()}) and the default is used, so a typo in the
 * kernelspec never keeps the kernel from starting.
 */
record KernelOptions(Optional<Duration> timeout, Optional<Path> startupScript, long outputLimit,
                     Optional<Path> mavenSettings, Optional<String> imports, List<String> problems) {

    static final String TIMEOUT = "SCAR_KERNEL_TIMEOUT";
    static final String STARTUP_SCRIPT = "SCAR_KERNEL_STARTUP_SCRIPT";
    static final String OUTPUT_LIMIT = "SCAR_KERNEL_OUTPUT_LIMIT";
    static final String MAVEN_SETTINGS = "SCAR_KERNEL_MAVEN_SETTINGS";
    static final String IMPORTS = "SCAR_KERNEL_IMPORTS";
    static final long DEFAULT_OUTPUT_LIMIT = 1L << 20;

    private static final Pattern DURATION = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|milliseconds?|seconds?|minutes?|hours?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmg]i?b?|b)?", Pattern.CASE_INSENSITIVE);

    KernelOptions {
        problems = List.copyOf(problems);
    }

    /** Defaults: no timeout, no start-up script, a 1 MiB output limit, {@code ~/.m2/settings.xml}, no more imports. */
    static KernelOptions defaults() {
        return new KernelOptions(Optional.empty(), Optional.empty(), DEFAULT_OUTPUT_LIMIT, Optional.empty(),
                Optional.empty(), List.of());
    }

    /** The options in {@code env} (normally {@link System#getenv()}). */
    static KernelOptions from(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Optional<Duration> timeout = Optional.empty();
        String rawTimeout = blankToNull(env.get(TIMEOUT));
        if (rawTimeout != null) {
            try {
                Duration d = duration(rawTimeout);
                timeout = d.isZero() || d.isNegative() ? Optional.empty() : Optional.of(d);
            } catch (IllegalArgumentException e) {
                problems.add(TIMEOUT + ": " + e.getMessage() + "; running without a timeout");
            }
        }
        long limit = DEFAULT_OUTPUT_LIMIT;
        String rawLimit = blankToNull(env.get(OUTPUT_LIMIT));
        if (rawLimit != null) {
            try {
                limit = size(rawLimit);
            } catch (IllegalArgumentException e) {
                problems.add(OUTPUT_LIMIT + ": " + e.getMessage() + "; using " + DEFAULT_OUTPUT_LIMIT + " bytes");
            }
        }
        Optional<Path> script = Optional.ofNullable(blankToNull(env.get(STARTUP_SCRIPT))).map(Path::of);
        Optional<Path> settings = Optional.ofNullable(blankToNull(env.get(MAVEN_SETTINGS))).map(Path::of);
        Optional<String> imports = Optional.ofNullable(blankToNull(env.get(IMPORTS)));
        return new KernelOptions(timeout, script, limit, settings, imports, problems);
    }

    /**
     * A duration such as {@code 90s}, {@code 1500ms}, {@code 10m}, {@code 1h} or {@code 30 seconds}; a bare number
     * is seconds.
     *
     * @throws IllegalArgumentException if the text is none of these
     */
    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; expected e.g. 90s, 1500ms, 10m, 1h");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
        double millis = unit.equals("ms") || unit.startsWith("milli") ? value
                : switch (unit.charAt(0)) {
                    case 'h' -> value * 3_600_000;
                    case 'm' -> value * 60_000;
                    default -> value * 1000;
                };
        return Duration.ofMillis(Math.round(millis));
    }

    /**
     * A byte count such as {@code 1048576}, {@code 512k} or {@code 4M} (binary multiples), at least 1.
     *
     * @throws IllegalArgumentException otherwise
     */
    static long size(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; expected bytes such as 1048576, 512k, 4M");
        }
        long value = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        long bytes = switch (unit.charAt(0)) {
            case 'k' -> value << 10;
            case 'm' -> value << 20;
            case 'g' -> value << 30;
            default -> value;
        };
        if (bytes < 1) {
            throw new IllegalArgumentException("'" + text + "' is not a size of at least 1 byte");
        }
        return bytes;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
