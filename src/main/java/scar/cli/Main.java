package scar.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import scar.kernel.KernelCommand;

/**
 * The {@code scar} command line. Subcommands parse options and call the {@link scar.Scar} facade; this class turns
 * the library's exceptions into one readable line and an exit code (2 for bad input, 1 for anything else).
 */
@Command(name = "scar", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Characterise multi-modal datasets with SCAR (Scale, Coverage, Authenticity, Richness), "
                + "estimate their foundation data size and plan what to acquire next.",
        subcommands = {DemoCommand.class, DatasetsCommand.class, CharacterizeCommand.class, PlanCommand.class,
                EvaluateCommand.class, ReportCommand.class, BenchCommand.class, KernelCommand.class,
                JShellCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
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
        CommandLine cli = new CommandLine(new Main());
        if (usageOut != null) {
            cli.setOut(usageOut);
        }
        if (errorOut != null) {
            cli.setErr(errorOut);
        }
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof IllegalArgumentException || ex instanceof UncheckedIOException) {
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
