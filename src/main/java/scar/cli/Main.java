package scar.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CancellationException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import scar.data.InsufficientMemoryException;
import scar.data.MappedFiles;
import scar.data.Memory;
import scar.kernel.KernelCommand;
import scar.kernel.KernelConsole;
import scar.probe.HardwareFma;

/**
 * The {@code scar} command line. Subcommands parse options and call the {@link scar.Scar} facade; this class turns
 * the library's exceptions into one readable line and an exit code (2 for bad input and for data that does not fit
 * the memory, 1 for anything else).
 */
@Command(name = "scar", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Characterise multi-modal datasets with SCAR (Scale, Coverage, Authenticity, Richness), "
                + "estimate their foundation data size and plan what to acquire next.")
public final class Main implements Runnable {

    /**
     * The subcommands, in the order the usage lists them. A command line that names one gets only that one built
     * (picocli reflects over every option of every command it is given, a good part of the start-up time); the
     * usage, {@code help} and anything else get all of them.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(DemoCommand.class, DatasetsCommand.class,
            CharacterizeCommand.class, PlanCommand.class, EvaluateCommand.class, ReportCommand.class,
            BenchCommand.class, KernelCommand.class, JShellCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Heap set aside at start and given back when memory runs out, so that the one-line report can be written. */
    private static byte[] reserve;

    public static void main(String[] args) {
        cliProcess = true;
        QuickStart.endWithLauncher();
        reserve = new byte[(int) Math.min(1 << 20, Runtime.getRuntime().maxMemory() / 16)];
        // A helper thread (a library's worker) that runs out of memory must not print a trace of its own: the main
        // thread reports it in one line.
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (outOfMemory(e) != null && thread.getName().equals("main")) {
                reserve = null;
                // even the one-line report ran out of memory
                System.err.println(OUT_OF_MEMORY);
                Runtime.getRuntime().halt(2);
            }
            // (memory first: looking at a fault loads a class, which an exhausted heap cannot)
            if (outOfMemory(e) == null) {
                if (MappedFiles.isFault(e)) {
                    // a mapped file shrank under a worker thread, which the main thread may wait for forever
                    reportFault(null);
                    Runtime.getRuntime().halt(2);
                }
                if (previous != null) {
                    previous.uncaughtException(thread, e);
                } else {
                    e.printStackTrace();
                }
            }
        });
        System.exit(execute(args));
    }

    /**
     * Called before a command's first probe fit: when this JVM would run the probe's multiply-adds in software
     * ({@link HardwareFma}), prints {@link HardwareFma#WARNING} on standard error, once per process (not at all when
     * the notebook kernel has said it). With a hardware FMA the look takes a fraction of a millisecond.
     */
    static void warnIfSoftwareFma() {
        HardwareFma.warnOnce(System.err, "scar: warning: ");
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        return execute(null, null, args);
    }

    /**
     * Runs the command line with picocli's usage and help text going to {@code usageOut} and its error lines to
     * {@code errorOut} (null: the standard streams); the commands themselves print to {@code System.out}. The notebook's
     * {@code %scar} magic runs commands this way.
     */
    public static int execute(PrintWriter usageOut, PrintWriter errorOut, String... args) {
        return execute("scar", usageOut, errorOut, args);
    }

    /**
     * {@link #execute(PrintWriter, PrintWriter, String...)} under another command name: the one that usage text,
     * "Did you mean" and "(see '… --help')" show, since they tell the user what to type ({@code %scar} in a notebook).
     */
    static int execute(String name, PrintWriter usageOut, PrintWriter errorOut, String... args) {
        try {
            return run(name, usageOut, errorOut, args);
        } catch (Error e) {
            OutOfMemoryError oom = outOfMemory(e);
            if (oom == null && MappedFiles.isFault(e)) {
                reportFault(errorOut);
                return 2;
            }
            if (oom == null) {
                throw e;
            }
            // Whatever held the memory is unreachable now; one line, exit code 2 like any input that does not fit.
            reserve = null;
            PrintWriter err = errorOut != null ? errorOut : new PrintWriter(System.err, true);
            try {
                err.println("scar: " + Memory.outOfMemory(oom));
            } catch (OutOfMemoryError again) {
                err.println(OUT_OF_MEMORY);
            }
            err.flush();
            return 2;
        }
    }

    /**
     * Prints the one line for a fault in reading a memory-mapped file ({@link MappedFiles}), once per process: the
     * thread that met it and the main thread, which gets the same error from a worker, may both arrive here.
     */
    private static void reportFault(PrintWriter errorOut) {
        if (cliProcess && faultReported.getAndSet(true)) {
            return;
        }
        PrintWriter err = errorOut != null ? errorOut : new PrintWriter(System.err, true);
        err.println("scar: " + MappedFiles.fault());
        err.flush();
    }

    private static final java.util.concurrent.atomic.AtomicBoolean faultReported =
            new java.util.concurrent.atomic.AtomicBoolean();

    /** Whether this JVM runs the command line ({@link #main}) rather than a notebook's {@code %scar}. */
    private static volatile boolean cliProcess;

    /** Whether this JVM runs the command line ({@link #main}) rather than a notebook's {@code %scar} or a test. */
    static boolean isCliProcess() {
        return cliProcess;
    }

    /** The line printed when even formatting the message runs out of memory (built before anything runs). */
    private static final String OUT_OF_MEMORY = "scar: out of memory; raise the Java heap limit, e.g. "
            + "SCAR_JAVA_OPTS=-Xmx2g";

    /** The OutOfMemoryError that {@code e} is or was caused by (a class initialiser may wrap it), or null. */
    private static OutOfMemoryError outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                return oom;
            }
        }
        return null;
    }

    private static final String NO_GROOVY = "picocli.disable.closures";

    /** The command line for {@code args}: every subcommand, or only the one {@code args[0]} names. */
    static CommandLine commandLine(String... args) {
        // picocli's default factory asks for Groovy's Closure class when it loads, unless told not to; a class that
        // none of the 68 jars holds makes the class loader open and index every one of them (~40,000 entries)
        if (System.getProperty(NO_GROOVY) == null) {
            System.setProperty(NO_GROOVY, "true");
        }
        CommandLine cli = new CommandLine(new Main());
        Class<?> named = args.length == 0 ? null : subcommand(args[0]);
        for (Class<?> c : SUBCOMMANDS) {
            if (named == null || named == c) {
                cli.addSubcommand(c);
            }
        }
        return cli;
    }

    private static int run(String name, PrintWriter usageOut, PrintWriter errorOut, String... args) {
        CommandLine cli = commandLine(args).setCommandName(name);
        if (usageOut != null) {
            cli.setOut(usageOut);
        }
        if (errorOut != null) {
            cli.setErr(errorOut);
        }
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof QuickStart.Restart) {
                return QuickStart.exitCode(); // nothing printed or written yet: the launcher runs it again
            }
            PrintWriter err = commandLine.getErr();
            if (ex instanceof IllegalArgumentException || ex instanceof UncheckedIOException
                    || ex instanceof InsufficientMemoryException) {
                err.println("scar: " + ex.getMessage());
                err.flush();
                return 2;
            }
            if (ex instanceof CancellationException) {
                err.println("scar: cancelled: " + ex.getMessage());
                err.flush();
                return 130;
            }
            err.println("scar: unexpected error: " + ex);
            ex.printStackTrace(err);
            err.flush();
            return 1;
        });
        // A command whose exit status is another program's (kernel console) runs with the default JIT from the start:
        // the quick JVM could not tell that program's own status 75 from its request to be started again.
        CommandLine.IExecutionStrategy last = new CommandLine.RunLast();
        cli.setExecutionStrategy(parse -> QuickStart.exitCode() != 0 && passesOnAStatus(parse)
                ? QuickStart.exitCode() : last.execute(parse));
        // A mistyped option gets one line and a pointer to --help, not the whole usage text.
        cli.setParameterExceptionHandler((ex, ignored) -> {
            CommandLine command = ex.getCommandLine();
            PrintWriter err = command.getErr();
            err.println("scar: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("(see '" + command.getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return command.getCommandSpec().exitCodeOnInvalidInput();
        });
        return cli.execute(args);
    }

    /** Whether the command {@code parse} runs ends with the exit status of a program it starts. */
    private static boolean passesOnAStatus(CommandLine.ParseResult parse) {
        List<CommandLine> commands = parse.asCommandLineList();
        // (KernelCommand first: instanceof loads the class it names, and only the kernel's commands need KernelConsole)
        return commands.size() == 3 && commands.get(1).getCommand() instanceof KernelCommand
                && commands.get(2).getCommand() instanceof KernelConsole;
    }

    /** The subcommand (other than {@code help}) whose name or alias is {@code arg}, or null. */
    static Class<?> subcommand(String arg) {
        for (Class<?> c : SUBCOMMANDS) {
            Command command = c.getAnnotation(Command.class);
            if (c != CommandLine.HelpCommand.class
                    && (command.name().equals(arg) || List.of(command.aliases()).contains(arg))) {
                return c;
            }
        }
        return null;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"scar " + scar.Scar.version()};
        }
    }
}
