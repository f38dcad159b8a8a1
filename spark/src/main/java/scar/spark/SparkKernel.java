package scar.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import scar.kernel.KernelInstaller;

/**
 * Installs the "Java (SCAR + Spark)" kernelspec: the SCAR kernel with Spark on its class path and Spark's Java 17
 * flags, so that a notebook can start a session ({@code spark()}, {@code local[*]} unless configured) and call
 * {@code characterize(df, "emb", "label")}. Run by {@code spark/kernel-install} from a built tree.
 *
 * <p>Cells start with Spark's {@code org.apache.spark.sql.*} imported as well as the SCAR kernel's imports, and
 * {@code Row} is Spark's ({@link #IMPORTS}).
 *
 * <p>The kernel logs through Spark's Log4j 2 ({@link #LOGGING_FLAGS}): Spark's warnings and errors reach the kernel
 * process's standard error (the Jupyter server's terminal), never a cell; INFO only when {@code spark.log.level} asks.
 *
 * <pre>
 * spark/kernel-install [--prefix DIR] [--name NAME]
 * </pre>
 */
public final class SparkKernel {
    /** The kernel name used when none is given. */
    public static final String NAME = "scar-spark";
    /** Spark's --add-opens list for Java 17 (what spark-submit passes to its own JVMs). */
    public static final List<String> JAVA_17_FLAGS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true");
    /**
     * The kernel's own imports, a resource of this module that the SCAR kernel runs after its {@code startup.jsh}
     * (named by the kernelspec's {@value #IMPORTS_VARIABLE}): {@code org.apache.spark.sql.*}, and Spark's
     * {@code Row} by name, as the core's imports bring Tablesaw's, so {@code Dataset<Row>} compiles in a cell with or
     * without the cell's own {@code import org.apache.spark.sql.*;}.
     */
    static final String IMPORTS = "scar/spark/kernel-startup.jsh";
    /** The SCAR kernel's option (an environment variable of the kernelspec) naming a resource of more imports. */
    static final String IMPORTS_VARIABLE = "SCAR_KERNEL_IMPORTS";
    /** The kernel's Log4j 2 configuration, a resource of this module: WARN, written to the process's stderr. */
    static final String LOG_CONFIG = "scar/spark/kernel-log4j2.properties";
    /**
     * SLF4J's provider named: Spark's Log4j 2 binding. The core's {@code target/lib} holds {@code slf4j-nop}; left to
     * choose, SLF4J printed five lines about the providers it found, and while the core's jars came first on the
     * class path it took that one (Spark logged nothing, warnings included). Named, it looks no further; the
     * verbosity hides the one line that says it was named. Log4j reads {@link #LOG_CONFIG}.
     */
    public static final List<String> LOGGING_FLAGS = List.of(
            "-Dslf4j.provider=org.apache.logging.slf4j.SLF4JServiceProvider", "-Dslf4j.internal.verbosity=WARN",
            "-Dlog4j2.configurationFile=classpath:" + LOG_CONFIG);

    private SparkKernel() {
    }

    public static void main(String[] args) {
        try {
            System.out.println("Installed kernelspec in " + install(args));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("kernel-install: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Writes the kernelspec. Arguments: {@code root} (the project folder, with target/ and spark/target/ built),
     * then optionally {@code --prefix DIR} and {@code --name NAME}.
     */
    static Path install(String... args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: SparkKernel ROOT [--prefix DIR] [--name NAME]");
        }
        Path root = Path.of(args[0]).toAbsolutePath();
        Path dataDir = KernelInstaller.userDataDir();
        String name = NAME;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--prefix" -> dataDir = KernelInstaller.prefixDataDir(Path.of(value(args, ++i, "--prefix")));
                case "--name" -> name = value(args, ++i, "--name");
                default -> throw new IllegalArgumentException("unknown option '" + args[i]
                        + "'; expected --prefix DIR or --name NAME");
            }
        }
        return install(root, root.resolve("spark/target/scar-spark-classes.jar"), dataDir, name);
    }

    /**
     * Writes the kernelspec into {@code dataDir} with this module's classes from {@code sparkClasses}.
     *
     * <p>Spark's side of the class path comes first: {@code spark/target/lib} holds Spark and the core's dependencies
     * in the versions Maven chose beside Spark (those {@code scar-spark.jar} ships), so each library that both use
     * resolves to one version, the one Spark was built with. The core jar comes after them, and with it its own
     * {@code target/lib} (its manifest's Class-Path puts that right behind it, wherever the jar stands), from which a
     * class is then loaded only where Spark's side has none: the Jupyter layer. The other way round, the core's
     * Parquet 1.18.2 came before Spark's 1.17.0 and a filtered read failed in Spark's Parquet reader
     * (NoSuchMethodError), and ICU 74 before Spark's 78 changed the collations Spark knows.
     */
    static Path install(Path root, Path sparkClasses, Path dataDir, String name) {
        List<Path> classpath = List.of(sparkClasses, root.resolve("spark/target/lib/*"),
                root.resolve("target/scar.jar"), root.resolve("target/lib/*"));
        for (Path p : List.of(classpath.get(2), classpath.get(0))) {
            if (!Files.exists(p)) {
                throw new IllegalArgumentException(p + " is missing; build first: mvn -B install -DskipTests && "
                        + "mvn -B -f spark/pom.xml package -DskipTests");
            }
        }
        List<String> flags = new ArrayList<>(KernelInstaller.DEFAULT_JVM_FLAGS);
        flags.addAll(JAVA_17_FLAGS);
        flags.addAll(LOGGING_FLAGS);
        Path dir = KernelInstaller.install(dataDir, name, KernelInstaller.currentJava(), classpath, flags,
                Map.of(IMPORTS_VARIABLE, IMPORTS));
        Path json = dir.resolve("kernel.json");
        try {
            String text = Files.readString(json, StandardCharsets.UTF_8);
            Files.writeString(json, text.replace(KernelInstaller.DISPLAY_NAME, "Java (SCAR + Spark)"),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + json, e);
        }
        return dir;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value; got " + Arrays.toString(args));
        }
        return args[i];
    }
}
