package scar.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;

/**
 * The SCAR Java kernel: JShell running in the kernel's JVM behind jjava-jupyter's protocol layer.
 *
 * <p>A cell is Java code (any number of statements and declarations; the value of a final expression is shown)
 * mixed with magic lines ({@link Magics}). Values stay objects and are rendered by the renderer, which
 * {@link ScarRenderers} extends. Errors reach Jupyter as the cell's own exception (name and message), compile errors
 * as a {@link CompilationException} whose message gives the cell line, and an interrupt as a
 * {@link CancellationException}; the kernel survives all of them.
 *
 * <p>The imports listed in {@value #STARTUP_RESOURCE} are evaluated on a background thread when the kernel starts
 * (which also warms up the compiler); an import that fails is reported on the kernel's stderr and skipped.
 */
public final class ScarKernel extends BaseKernel {

    /** Class-path resource listing the imports every session starts with, one snippet per line. */
    public static final String STARTUP_RESOURCE = "/scar/kernel/startup.jsh";

    private static final Pattern MAGIC_PREFIX = Pattern.compile("(?m)^[ \\t]*%%?([\\w-]*)$");
    private static final long STARTUP_WAIT_SECONDS = 120;

    private final JShellSession session;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final PrintStream processErr = System.err;

    /**
     * A kernel whose snippets compile against {@code classpath} (normally the kernel JVM's own class path).
     * Call {@link #onStartup()} to run the startup imports and install extensions.
     */
    public ScarKernel(List<String> classpath) {
        super("scar-java", version(), languageInfo(),
                List.of(new HelpLink("JShell guide", "https://docs.oracle.com/en/java/javase/17/jshell/")),
                null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(),
                new MagicParser("^[ \\t]*%", "%%", new MagicTranspiler()), new MagicsRegistry(), true,
                new StringStyler.Builder()
                        .addPrimaryStyle(TextColor.BOLD_RESET_FG)
                        .addSecondaryStyle(TextColor.BOLD_RED_FG)
                        .addHighlightStyle(TextColor.BOLD_RESET_FG)
                        .withLinePrefix("")
                        .build());
        Magics.registerAll(magicsRegistry);
        this.session = new JShellSession(classpath, note -> System.err.println(note));
    }

    private static String version() {
        String version = ScarKernel.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell", "java",
                "text/x-java", "script");
    }

    /** Installs extensions and starts evaluating the startup imports in the background. */
    @Override
    public void onStartup() {
        super.onStartup();
        Thread startup = new Thread(this::runStartupSnippets, "scar-kernel-startup");
        startup.setDaemon(true);
        startup.start();
    }

    /** Blocks until the startup snippets have run (at most two minutes); for callers that skip {@link #onStartup}. */
    void runStartupSnippets() {
        try {
            for (String snippet : startupSnippets()) {
                try {
                    session.eval(snippet, snippet, 0);
                } catch (RuntimeException e) {
                    processErr.println("scar kernel: startup snippet skipped: " + snippet + "\n  " + e.getMessage());
                }
            }
            try {
                session.eval("0", "0", 0); // warms up compilation and the cell thread
            } catch (RuntimeException e) {
                processErr.println("scar kernel: warm-up failed: " + e);
            }
        } finally {
            ready.countDown();
        }
    }

    /** The non-blank, non-comment lines of {@value #STARTUP_RESOURCE}. */
    static List<String> startupSnippets() {
        InputStream in = ScarKernel.class.getResourceAsStream(STARTUP_RESOURCE);
        if (in == null) {
            return List.of();
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("//"))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STARTUP_RESOURCE, e);
        }
    }

    private void awaitReady() {
        try {
            if (!ready.await(STARTUP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                processErr.println("scar kernel: startup snippets still running; continuing without them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the kernel to start");
        }
    }

    @Override
    public Object evalRaw(String cell) {
        awaitReady();
        session.beginCell();
        try {
            Object last = null;
            for (CellParts.Part part : CellParts.split(cell, session::isUnfinished).parts()) {
                if (part instanceof CellParts.Code code) {
                    last = session.eval(code.source(), cell, code.offset());
                } else if (part instanceof CellParts.LineMagic magic) {
                    last = lineMagic(magic.name(), magic.args());
                } else if (part instanceof CellParts.CellMagic magic) {
                    last = cellMagic(magic);
                }
            }
            return last;
        } finally {
            System.out.flush();
            System.err.flush();
        }
    }

    private Object lineMagic(String name, List<String> args) {
        if (!magicsRegistry.getLineMagicNames().contains(name)) {
            throw new IllegalArgumentException("unknown magic '%" + name + "'; known magics: "
                    + magicsRegistry.getLineMagicNames().stream().sorted().map(n -> "%" + n)
                    .collect(Collectors.joining(", ")) + " (%help explains them)");
        }
        try {
            return magicsRegistry.evalLineMagic(this, name, args);
        } catch (Exception e) {
            throw Failures.unchecked(e);
        }
    }

    private Object cellMagic(CellParts.CellMagic magic) {
        if (!magicsRegistry.getCellMagicNames().contains(magic.name())) {
            throw new IllegalArgumentException("unknown cell magic '%%" + magic.name() + "'; known cell magics: "
                    + (magicsRegistry.getCellMagicNames().isEmpty() ? "none"
                    : String.join(", ", magicsRegistry.getCellMagicNames())));
        }
        try {
            return magicsRegistry.evalCellMagic(this, magic.name(), magic.args(), magic.body());
        } catch (Exception e) {
            throw Failures.unchecked(e);
        }
    }

    /** Adds jars or folders to the classpath of the following snippets, and says so on the cell's stdout. */
    void addToClasspath(List<Path> entries) {
        for (Path entry : entries) {
            session.addToClasspath(entry.toString());
            System.out.println("added to classpath: " + entry);
        }
    }

    /** Runs kernel-side work (a magic) so that an interrupt stops it like a cell. */
    Object runInterruptibly(Callable<Object> body) {
        return session.runInterruptibly(body);
    }

    /** The class loader the snippets run in. */
    ClassLoader snippetLoader() {
        return session.snippetLoader();
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        awaitReady();
        String text = session.inspect(CellParts.maskMagics(code), clamp(code, at));
        return text == null ? null : new DisplayData(text);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        awaitReady();
        int cursor = clamp(code, at);
        String linePrefix = code.substring(code.lastIndexOf('\n', cursor - 1) + 1, cursor);
        Matcher magic = MAGIC_PREFIX.matcher(linePrefix);
        if (magic.matches()) {
            String typed = magic.group(1);
            List<String> names = new ArrayList<>(magicsRegistry.getLineMagicNames());
            names.removeIf(n -> !n.startsWith(typed));
            names.sort(null);
            return new ReplacementOptions(names, cursor - typed.length(), cursor);
        }
        return session.complete(CellParts.maskMagics(code), cursor);
    }

    @Override
    public String isComplete(String code) {
        awaitReady();
        return session.isComplete(CellParts.maskMagics(code));
    }

    private static int clamp(String code, int at) {
        return Math.max(0, Math.min(at, code.length()));
    }

    /** Stops the running cell (Jupyter interrupt request); the kernel stays up. */
    @Override
    public void interrupt() {
        session.stop();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        session.close();
        super.onShutdown(isRestarting);
    }

    @Override
    public List<String> formatError(Throwable e) {
        if (e instanceof CompilationException) {
            return errorStyler.secondaryLines(e.getMessage());
        }
        if (e instanceof CancellationException) {
            return List.of(errorStyler.secondary("Interrupted: " + e.getMessage()));
        }
        return errorStyler.secondaryLines(String.join("\n", Failures.traceback(e)));
    }
}
