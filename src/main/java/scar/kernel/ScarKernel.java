package scar.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import scar.foundation.Progress;

/**
 * The SCAR Java kernel: JShell running in the kernel's JVM behind jjava-jupyter's protocol layer.
 *
 * <p>A cell is Java code (any number of statements and declarations; the value of a final expression is shown unless
 * the cell ends with {@code ;}, as in IPython) mixed with magic lines ({@link Magics}). Values stay objects and are
 * rendered by the renderer, which {@link ScarRenderers} extends. Errors reach Jupyter as the cell's own exception
 * (name and message), compile errors as a {@link CompilationException} whose message gives the cell line, an
 * interrupt as a {@link CancellationException} and a cell that outran {@value KernelOptions#TIMEOUT} as a
 * {@link CellTimeoutException}; a failed magic shows its message alone. The kernel survives all of them.
 *
 * <p>Output: {@link #installStreams()} routes {@code System.out} and {@code System.err} through a {@link CellOutput},
 * which buffers per cell, caps what one cell sends and sends everything before the cell's reply; what any thread prints
 * or displays goes to the running cell, or, between cells, to the last one. Long SCAR
 * computations show their progress as one updating display ({@link NotebookProgress}).
 *
 * <p>The imports listed in {@value #STARTUP_RESOURCE}, then those of the resource a kernelspec names in
 * {@value KernelOptions#IMPORTS} (the Spark kernel's), then the user's start-up script
 * ({@value KernelOptions#STARTUP_SCRIPT}), are evaluated on a background thread when the kernel starts (which also
 * warms up the compiler); a snippet that fails is reported on stderr (in the first cell) and skipped.
 */
public final class ScarKernel extends BaseKernel {

    /** Class-path resource listing the imports every session starts with, one snippet per line. */
    public static final String STARTUP_RESOURCE = "/scar/kernel/startup.jsh";

    private static final long STARTUP_WAIT_SECONDS = 120;
    /** How the id of a display that was not shown begins. */
    static final String NOT_SHOWN = "not-shown-";

    private final KernelOptions options;
    /** {@link #io}, through which {@link #handleExecuteRequest} reaches the request's streams. */
    private final CellIO cellIO;
    private final JShellSession session;
    private final CellOutput output;
    private final Magics magics;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final PrintStream processErr = System.err;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scar-cell-timeout");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean timedOut;
    private volatile boolean streamsInstalled;
    /**
     * The failure of the last magic that failed. A magic's message is written for the reader (what was asked, why it
     * cannot be done) and its stack is the kernel's and its libraries' (Maven Resolver's, picocli's), so the cell
     * shows the message alone, as for a compile error.
     */
    private volatile Throwable magicFailure;
    /** Held while a start-up snippet runs; nothing else uses JShell before {@link #awaitReady()} returns. */
    private final Object startupLock = new Object();

    /** A kernel with default options; see {@link #ScarKernel(List, KernelOptions)}. */
    public ScarKernel(List<String> classpath) {
        this(classpath, KernelOptions.defaults());
    }

    /**
     * A kernel whose snippets compile against {@code classpath} (normally the kernel JVM's own class path). Call
     * {@link #onStartup()} to run the start-up snippets and install extensions.
     */
    ScarKernel(List<String> classpath, KernelOptions options) {
        this(classpath, options, new CellIO());
    }

    private ScarKernel(List<String> classpath, KernelOptions options, CellIO cellIO) {
        super("scar-java", version(), languageInfo(),
                List.of(new HelpLink("SCAR for Java", "https://github.com/scar4j/scar#readme"),
                        new HelpLink("JShell guide", "https://docs.oracle.com/en/java/javase/17/jshell/")),
                null, cellIO, new CommManager(), new Renderer(),
                new MagicParser("^[ \\t]*%", "%%", new MagicTranspiler()), new MagicsRegistry(), true,
                new StringStyler.Builder()
                        .addPrimaryStyle(TextColor.BOLD_RESET_FG)
                        .addSecondaryStyle(TextColor.BOLD_RED_FG)
                        .addHighlightStyle(TextColor.BOLD_RESET_FG)
                        .withLinePrefix("")
                        .build());
        this.options = options;
        this.cellIO = cellIO;
        this.output = new CellOutput(options.outputLimit());
        this.session = new JShellSession(classpath, note -> System.err.println(note));
        this.magics = new Magics(magicsRegistry, this, options);
    }

    private static String version() {
        String version = ScarKernel.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell", "java",
                "text/x-java", "script");
    }

    /**
     * Makes {@code System.out} and {@code System.err} the cell-routed streams, for good: again at the start of every
     * cell, so that a cell that replaced them ({@code System.setOut(null)}) changed only itself. The kernel process
     * does this once; tests that drive a kernel directly leave the streams alone.
     */
    void installStreams() {
        streamsInstalled = true;
        System.setOut(output.out());
        System.setErr(output.err());
    }

    /**
     * Installs extensions, registers the progress display, makes the failures of threads that cells start print
     * short ({@link Failures#printUncaught}) and evaluates the start-up snippets in the background.
     */
    @Override
    public void onStartup() {
        super.onStartup();
        Progress.useNotebook(() -> output.routed()
                ? NotebookProgress.of(this::display, this::updateDisplayData) : Progress.none());
        options.problems().forEach(problem -> System.err.println("scar kernel: " + problem));
        Thread.setDefaultUncaughtExceptionHandler(Failures::printUncaught);
        Thread startup = new Thread(this::runStartupSnippets, "scar-kernel-startup");
        startup.setDaemon(true);
        startup.start();
    }

    /**
     * Runs the start-up snippets now, on this thread; {@link #onStartup()} does it in the background. First it says
     * so when this JVM would run the probe's multiply-adds in software ({@link scar.probe.HardwareFma}).
     */
    void runStartupSnippets() {
        scar.probe.HardwareFma.warnOnce(System.err, "scar kernel: ");
        try {
            List<String> snippets = new ArrayList<>(startupSnippets());
            options.imports().ifPresent(resource -> snippets.addAll(moreImports(resource)));
            for (String snippet : snippets) {
                try {
                    synchronized (startupLock) { // one snippet at a time, so isComplete can answer in between
                        session.eval(snippet, snippet, 0);
                    }
                } catch (RuntimeException e) {
                    processErr.println("scar kernel: startup snippet skipped: " + snippet + "\n  " + e.getMessage());
                }
            }
            synchronized (startupLock) {
                options.startupScript().ifPresent(this::runUserScript);
            }
            try {
                synchronized (startupLock) {
                    session.eval("0", "0", 0); // warms up compilation and the cell thread
                }
            } catch (RuntimeException e) {
                processErr.println("scar kernel: warm-up failed: " + e);
            }
        } finally {
            ready.countDown();
        }
    }

    private void runUserScript(Path script) {
        String code;
        try {
            code = Files.readString(script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("scar kernel: cannot read the start-up script " + script.toAbsolutePath() + " ("
                    + KernelOptions.STARTUP_SCRIPT + "): " + e.getMessage());
            return;
        }
        try {
            session.eval(CellParts.maskMagics(code), code, 0);
        } catch (RuntimeException e) {
            System.err.println("scar kernel: the start-up script " + script.toAbsolutePath() + " stopped: "
                    + e.getMessage());
        }
    }

    /** The non-blank, non-comment lines of {@value #STARTUP_RESOURCE}. */
    static List<String> startupSnippets() {
        InputStream in = ScarKernel.class.getResourceAsStream(STARTUP_RESOURCE);
        return in == null ? List.of() : snippets(in, STARTUP_RESOURCE);
    }

    /**
     * The snippets of class-path resource {@code resource} ({@value KernelOptions#IMPORTS}), read as
     * {@value #STARTUP_RESOURCE}; none, said on stderr, if the class path has no such resource.
     */
    private List<String> moreImports(String resource) {
        InputStream in = ScarKernel.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            processErr.println("scar kernel: " + KernelOptions.IMPORTS + ": no class-path resource " + resource
                    + "; starting with the kernel's own imports only");
            return List.of();
        }
        return snippets(in, resource);
    }

    private static List<String> snippets(InputStream in, String resource) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("//"))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Waits for the start-up snippets (at most two minutes). */
    void awaitReady() {
        try {
            if (!ready.await(STARTUP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                processErr.println("scar kernel: startup snippets still running; continuing without them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the kernel to start");
        }
    }

    /** Routes the cell's output to this request and makes stdin the notebook's; the rest of BaseKernel's swap. */
    @Override
    protected void replaceOutputStreams(ShellReplyEnvironment env) {
        InputStream stdin = System.in;
        System.setIn(io.in);
        output.attach(new RequestSink(env));
        env.defer(() -> {
            output.detach();
            System.setIn(stdin);
        });
    }

    /**
     * Answers an execute request as jjava 1.0-a6's {@link BaseKernel} does (the same messages in the same order),
     * except for a cell that fails: the error's name is still its exception's simple class name (an {@link Error}'s
     * own, not that of the {@link Failures.JavaError} carrying it), but its message ({@code evalue}) is cut at the
     * output limit ({@link CellOutput#messageText}), and the reply carries the traceback the notebook shows
     * ({@link #formatError}), as IPython's does, not every raw frame. jjava put the whole
     * {@code getLocalizedMessage()} in both the error message and the reply: an exception of 20 million characters
     * sent over 40 MB to the browser.
     */
    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> request) {
        commManager.setMessageContext(request);
        ExecuteRequest content = request.getContent();
        int count = executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(content.getCode(), count));
        replaceOutputStreams(env);
        cellIO.attach(env, content.isStdinEnabled());
        env.defer(() -> cellIO.detach(env));
        try {
            DisplayData shown = eval(content.getCode());
            if (shown != null) {
                env.publish(new PublishExecuteResult(count, shown));
            }
            env.defer().reply(new ExecuteReply(count, Map.of()));
        } catch (Exception failure) {
            Throwable thrown = Failures.unwrapped(failure);
            String name = thrown.getClass().getSimpleName();
            String message;
            List<String> traceback;
            try {
                message = thrown.getLocalizedMessage();
                message = message == null ? "" : CellOutput.messageText(message, output.limit(), output.limit());
                traceback = formatError(failure);
            } catch (RuntimeException | Error unreadable) {
                // the failure's own methods fail (a getCause() that calls itself): an Error here ended the thread
                message = "it cannot be shown: reading its message or causes threw " + unreadable.getClass().getName();
                traceback = errorStyler.secondaryLines(thrown.getClass().getName() + ": " + message);
            }
            ErrorReply reply = new ErrorReply(name, message, traceback);
            reply.setExecutionCount(count);
            env.publish(new PublishError(name, message, traceback));
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        }
    }

    /**
     * Evaluates and renders a cell, then sends its remaining output (and a truncation note) before the reply. The
     * value's plain text is cut at the output limit ({@link CellOutput#valueText}).
     */
    @Override
    public DisplayData eval(String expr) {
        try {
            DisplayData shown = answering(() -> super.eval(expr));
            Object text = shown == null ? null : shown.getData(MIMEType.TEXT_PLAIN);
            if (text instanceof String plain && plain.length() > output.limit()) {
                DisplayData cut = new DisplayData(); // a copy: a DisplayData value is the cell's own object
                cut.assign(shown);
                cut.putText(CellOutput.valueText(plain, output.limit()));
                shown = cut;
            }
            return shown;
        } catch (Exception failure) {
            throw Failures.unchecked(Failures.readable(failure));
        } finally {
            output.detach();
        }
    }

    /**
     * Does a request's work with any {@link Error} (a value whose {@code toString} recurses without end, the
     * compiler running out of stack, memory running out) turned into an exception: jjava answers an exception with
     * an error reply, but an error would end its shell thread, and no request would ever be answered again.
     */
    private static <T> T answering(Supplier<T> request) {
        try {
            return request.get();
        } catch (Error e) {
            throw new Failures.JavaError(e);
        }
    }

    @Override
    public Object evalRaw(String cell) {
        awaitReady();
        if (streamsInstalled) {
            installStreams();
        }
        session.beginCell();
        timedOut = false;
        ScheduledFuture<?> timer = options.timeout().map(limit -> watchdog.schedule(() -> {
            timedOut = true;
            session.stop();
        }, limit.toMillis(), TimeUnit.MILLISECONDS)).orElse(null);
        try {
            Object last = null;
            boolean shown = false;
            for (CellParts.Part part : CellParts.split(cell, session::isUnfinished).parts()) {
                if (part instanceof CellParts.Code code) {
                    JShellSession.Result result = session.evalCode(code.source(), cell, code.offset());
                    last = result.value();
                    shown = result.shown();
                } else if (part instanceof CellParts.LineMagic magic) {
                    last = lineMagic(magic.name(), magic.args());
                    shown = true;
                } else if (part instanceof CellParts.CellMagic magic) {
                    last = cellMagic(magic.name(), magic.args(), magic.body());
                    shown = true;
                }
            }
            // printf and friends return the stream itself, which is not worth an Out[]
            return !shown || last == System.out || last == System.err ? null : last;
        } catch (CancellationException e) {
            if (timedOut && options.timeout().isPresent()) {
                throw new CellTimeoutException(options.timeout().get());
            }
            throw e;
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }

    /** {@link Notebook#inThisCell}. */
    Runnable inThisCell(Runnable task) {
        return output.inThisCell(task);
    }

    /** Runs a line magic on the cell thread (so an interrupt stops it); its value is the magic's. */
    Object lineMagic(String name, List<String> args) {
        return runMagic(() -> magics.line(name, args));
    }

    /** Runs a cell magic on the cell thread (so an interrupt stops it); its value is the magic's. */
    Object cellMagic(String name, List<String> args, String body) {
        return runMagic(() -> magics.cell(name, args, body));
    }

    /** Runs a magic, remembering its failure so that {@link #formatError} shows it as its message alone. */
    private Object runMagic(Callable<Object> magic) {
        try {
            return runInterruptibly(magic);
        } catch (Throwable failure) {
            magicFailure = failure;
            throw failure;
        }
    }

    /**
     * Shows a display in the running cell, or between cells in the last one, after the text printed before it, unless
     * that cell has shown as many as it may ({@link CellOutput#display}). A display that was not shown and had no id
     * gets one marked {@value #NOT_SHOWN}, whose updates are not sent.
     */
    @Override
    public void display(DisplayData data) {
        String id = data.hasDisplayId() ? null : UUID.randomUUID().toString();
        if (id != null) {
            data.setDisplayId(id);
        }
        if (!output.display(data) && id != null) {
            data.setDisplayId(NOT_SHOWN + id);
        }
    }

    /** {@link #display(DisplayData)}, returning the display id. */
    String displayWithId(DisplayData data) {
        display(data);
        return data.getDisplayId();
    }

    /** Replaces what display {@code id} shows. */
    void updateDisplay(String id, DisplayData data) {
        data.setDisplayId(id);
        updateDisplayData(data);
    }

    private void updateDisplayData(DisplayData data) {
        String id = data.getDisplayId();
        if (id == null) {
            throw new IllegalArgumentException("an update needs the id of the display it replaces");
        }
        if (!id.startsWith(NOT_SHOWN)) {
            output.update(data);
        }
    }

    /**
     * Adds a line magic (extensions use this: the command line package adds {@code %scar}). The magic runs on the
     * cell thread, so an interrupt stops it; it handles {@code --help} itself.
     *
     * @param help           its text in {@code %help}
     * @param firstArguments what its first argument completes to, asked for when needed
     */
    public void addLineMagic(String name, String help, Supplier<List<String>> firstArguments,
                             Function<List<String>, Object> magic) {
        magics.addLine(name, help, firstArguments, false, magic);
    }

    /** Adds jars or folders to the classpath of the following snippets. */
    void addToClasspath(List<Path> entries) {
        for (Path entry : entries) {
            session.addToClasspath(entry.toString());
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
        String text = answering(() -> session.inspect(CellParts.maskMagics(code), index(code, at)));
        return text == null ? null : new DisplayData(text);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        awaitReady();
        int cursor = index(code, at);
        ReplacementOptions options = answering(() -> {
            ReplacementOptions magic = magics.complete(code, cursor);
            return magic != null ? magic : session.complete(CellParts.maskMagics(code), cursor);
        });
        return options == null ? null : new ReplacementOptions(options.getReplacements(),
                codePoints(code, options.getSourceStart()), codePoints(code, options.getSourceEnd()));
    }

    /**
     * Answered at once even while the start-up snippets run (between two of them): a console asks this for every
     * line typed, gives up after a second and then wants a blank line after every cell.
     */
    @Override
    public String isComplete(String code) {
        String verdict = magics.isComplete(code);
        if (verdict != null) {
            return verdict;
        }
        synchronized (startupLock) {
            return answering(() -> session.isComplete(CellParts.maskMagics(code)));
        }
    }

    /**
     * The index into {@code code} of a cursor position from Jupyter, which counts code points (message spec 5.2),
     * where Java counts UTF-16 units (two for 😀); clamped to the cell.
     */
    private static int index(String code, int at) {
        return code.offsetByCodePoints(0, Math.max(0, Math.min(at, code.codePointCount(0, code.length()))));
    }

    /** A Java index into {@code code} as the code-point position Jupyter expects. */
    private static int codePoints(String code, int index) {
        return code.codePointCount(0, Math.max(0, Math.min(index, code.length())));
    }

    /** Stops the running cell (Jupyter interrupt request); the kernel stays up. */
    @Override
    public void interrupt() {
        session.stop();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        Progress.useNotebook(null);
        watchdog.shutdownNow();
        session.close();
        output.close();
        if (notebookKernel == this) {
            super.onShutdown(isRestarting);
        } else {
            uninstallExtension(); // a kernel that was never the notebook's (tests run several)
        }
    }

    /**
     * Publishes a cell's output under its request, from any thread, also after the request was answered: what threads
     * print and display between cells goes to the last cell ({@link CellOutput}). Each message goes straight to the
     * IOPub socket, whose sends are synchronized, not through {@link ShellReplyEnvironment#publish}, which is not
     * thread-safe and, while the request thread is about to reply ({@code env.defer().reply(...)}), would hold the
     * message back in place of the reply.
     */
    private record RequestSink(ShellReplyEnvironment env) implements CellOutput.Sink {
        @Override
        public void stream(boolean stderr, String text) {
            send(new PublishStream(stderr ? PublishStream.StreamType.ERR : PublishStream.StreamType.OUT, text));
        }

        @Override
        public void display(DisplayData data) {
            send(new PublishDisplayData(data));
        }

        @Override
        public void update(DisplayData data) {
            send(new PublishUpdateDisplayData(data));
        }

        private <T extends ContentType<T>> void send(T content) {
            env.getIopub().sendMessage(new Message<>(env.getContext(), content.getType(), content));
        }
    }

    /** jjava's streams of a request, which {@link #handleExecuteRequest} attaches and detaches. */
    private static final class CellIO extends JupyterIO {
        CellIO() {
            super(StandardCharsets.UTF_8);
        }

        void attach(ShellReplyEnvironment env, boolean stdinEnabled) {
            setEnv(env);
            setJupyterInEnabled(stdinEnabled);
        }

        void detach(ShellReplyEnvironment env) {
            retractEnv(env);
        }
    }

    @Override
    public List<String> formatError(Throwable e) {
        if (e instanceof CompilationException) {
            return errorStyler.secondaryLines(e.getMessage());
        }
        if (e instanceof CellTimeoutException) {
            return List.of(errorStyler.secondary("Timed out: " + e.getMessage()));
        }
        if (e instanceof CancellationException) {
            return List.of(errorStyler.secondary("Interrupted: " + e.getMessage()));
        }
        if (e == magicFailure) {
            return errorStyler.secondaryLines(CellOutput.messageText(e.toString(), output.limit(), output.limit()));
        }
        return errorStyler.secondaryLines(String.join("\n", Failures.traceback(e, output.limit())));
    }
}
