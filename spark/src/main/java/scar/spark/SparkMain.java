package scar.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import scar.cli.StudyParameters;
import scar.foundation.DatasetProfile;
import scar.foundation.ScarOptions;
import scar.foundation.ScarProfile;
import scar.report.Exports;
import scar.report.StagedOutput;

/**
 * {@code spark-submit --class scar.spark.SparkMain scar-spark.jar characterize PATH --embedding emb --label label
 * -o out}: the SCAR study of a Parquet embedding dump on the cluster spark-submit names. Prints every modality's
 * profile and writes the CSV tables and profile.json of the local CLI into {@code -o} (a folder on the driver).
 * Bad input: one line naming what was wrong, exit code 2.
 */
@Command(name = "scar-spark", mixinStandardHelpOptions = true, subcommands = SparkMain.Characterize.class,
        versionProvider = SparkMain.Version.class, description = "SCAR on Apache Spark")
public final class SparkMain {
    private SparkMain() {
    }

    /** {@code --version}: this runner's and Spark's. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"scar-spark " + scar.Scar.version() + " on Spark "
                    + org.apache.spark.package$.MODULE$.SPARK_VERSION()};
        }
    }

    public static void main(String[] args) {
        int code = execute(args);
        SparkSession.getActiveSession().foreach(s -> {
            s.stop();
            return null;
        });
        System.exit(code);
    }

    /** Runs the command line and returns the exit code. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(SparkMain.class);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Throwable input = inputError(e);
            Throwable shown = input != null ? input : rootCause(e);
            cmd.getErr().println("scar-spark: " + firstLine(shown.getMessage() == null ? shown.toString()
                    : shown.getMessage()));
            return input != null ? 2 : 1;
        });
        // a mistyped option gets one line and a pointer to --help, as in the local command line, not the usage text
        cli.setParameterExceptionHandler((e, ignored) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println("scar-spark: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, command.getErr());
            command.getErr().println("(see '" + command.getCommandSpec().qualifiedName() + " --help')");
            return command.getCommandSpec().exitCodeOnInvalidInput();
        });
        return cli.execute(args);
    }

    /**
     * The first exception in {@code e}'s causes that says the input or an option is wrong — exit code 2, as the local
     * command line: the library's IllegalArgumentException, an UncheckedIOException (a path that is missing or cannot
     * be written), Spark's AnalysisException (a path or schema it cannot use), or Spark's error for a file it cannot
     * read as Parquet, shown by its cause, which names the file. Null for anything else.
     */
    static Throwable inputError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalArgumentException || t instanceof java.io.UncheckedIOException
                    || t.getClass().getName().endsWith("AnalysisException")) {
                return t;
            }
            if (t instanceof org.apache.spark.SparkException s && s.getCondition() != null
                    && s.getCondition().startsWith("FAILED_READ_FILE")) {
                return s.getCause() != null ? s.getCause() : s;
            }
        }
        return null;
    }

    /** The innermost cause: Spark wraps an executor's exception in a SparkException with the stack as text. */
    static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Command(name = "characterize", aliases = "characterise", mixinStandardHelpOptions = true,
            versionProvider = SparkMain.Version.class,
            description = "Run the SCAR sweep on a Parquet file or folder with Spark.")
    static final class Characterize implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PARQUET", description = "a Parquet file or folder (any Hadoop path)")
        String path;

        @Option(names = "--embedding", required = true, paramLabel = "COLUMN",
                description = "embedding column (array of float or double); repeat for several modalities")
        List<String> embeddings;

        @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "label column")
        String label;

        @Option(names = "--id", paramLabel = "COLUMN", description = "optional item id column")
        String id;

        @Option(names = {"-o", "--out"}, description = "write CSV tables, profile.json and timings.json into this folder on the driver (new, "
                + "empty, or written by an earlier run, whose files are replaced)")
        Path out;

        @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--ratios", split = ",", paramLabel = "R",
                description = "subsampling ratios, starting at 1 (default: 1,2,5,10,15,20,30)")
        int[] ratios;

        @Option(names = "--test-fraction", paramLabel = "F",
                description = "share of every class held out (default: ${DEFAULT-VALUE})", defaultValue = "0.2")
        double testFraction;

        @Option(names = "--quiet", description = "no progress output")
        boolean quiet;

        @Option(names = "--repeats", paramLabel = "M", defaultValue = "1",
                description = "sweep under M seeds (seed, seed+1, ...) from the data cached once, and show N_F, step "
                        + "sizes and shortfalls as a median with min-max (default: ${DEFAULT-VALUE})")
        int repeats;

        @Mixin
        StudyParameters parameters;

        @Override
        public Integer call() {
            long start = System.nanoTime();
            ScarOptions o = parameters.applyTo(StudyParameters.option("--test-fraction", "testFraction",
                    () -> ScarOptions.defaults().withSeed(seed).withTestFraction(testFraction).withProgress(!quiet)));
            ScarOptions one = o;
            o = StudyParameters.option("--repeats", "repeats", () -> one.withRepeats(repeats));
            if (ratios != null) {
                o = o.withRatios(ratios);
            }
            // the output folder is checked (and its staging folder made) before any work, so a bad -o costs nothing
            try (StagedOutput staged = out == null ? null : StagedOutput.folder(out)) {
                DatasetProfile profile = ScarSpark.characterizeParquet(path, embeddings, label, id, o);
                for (ScarProfile p : profile.modalities()) {
                    System.out.println(p);
                }
                if (profile.modalities().size() > 1) {
                    System.out.println(profile); // the modalities side by side, and SCAR beside the evidence
                }
                if (staged != null) {
                    Exports.profile(profile, staged.path());
                    Exports.timings(profile, (System.nanoTime() - start) / 1e9, Map.of(Exports.PROFILE, profile),
                            staged.path().resolve(Exports.TIMINGS));
                    System.out.println("wrote " + staged.commit().size() + " files to " + staged.target());
                }
            }
            return 0;
        }
    }
}
