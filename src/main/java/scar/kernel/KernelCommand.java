package scar.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scar kernel ...}: the Jupyter kernel's commands, mounted under the main CLI; also runnable alone through
 * {@link #main(String[])}.
 */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "Manage the SCAR Java kernel for Jupyter.",
        subcommands = {KernelCommand.Install.class, KernelConsole.class})
public final class KernelCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new KernelCommand()).execute(args));
    }

    /** {@code kernel install [--user | --sys-prefix | --prefix DIR] [--name NAME] [--java PATH]}. */
    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Install the kernelspec so that Jupyter can start the kernel "
                    + "(jupyter console --kernel <name>, or a notebook).")
    static final class Install implements Callable<Integer> {

        @ArgGroup(exclusive = true)
        private Location location = new Location();

        @Option(names = "--name", defaultValue = KernelInstaller.DEFAULT_NAME,
                description = "Kernel name (default: ${DEFAULT-VALUE}).")
        private String name;

        @Option(names = "--java", description = "Java executable the kernel runs on (default: this JVM's java).")
        private Path java;

        @Option(names = "--python", defaultValue = "/usr/bin/python3",
                description = "Python whose sys.prefix --sys-prefix means (default: ${DEFAULT-VALUE}).")
        private Path python;

        @Option(names = "--timeout", paramLabel = "DURATION",
                description = "Stop a cell that runs longer than this, e.g. 90s, 10m (kernelspec env "
                        + KernelOptions.TIMEOUT + "; default: no limit).")
        private String timeout;

        @Option(names = "--startup-script", paramLabel = "FILE",
                description = "Java snippets (imports, helpers) to run when the kernel starts (kernelspec env "
                        + KernelOptions.STARTUP_SCRIPT + ").")
        private Path startupScript;

        @Option(names = "--output-limit", paramLabel = "SIZE",
                description = "Bytes of output one cell may send, e.g. 4M (kernelspec env " + KernelOptions.OUTPUT_LIMIT
                        + "; default: 1M).")
        private String outputLimit;

        @Option(names = "--env", paramLabel = "NAME=VALUE",
                description = "Any other environment variable of the kernel, e.g. " + KernelOptions.MAVEN_SETTINGS
                        + "=/path/settings.xml (repeatable).")
        private Map<String, String> env = new TreeMap<>();

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        static final class Location {
            @Option(names = "--user", description = "Install for this user (the default): ~/.local/share/jupyter.")
            boolean user;

            @Option(names = "--sys-prefix", description = "Install into the Python environment's sys.prefix.")
            boolean sysPrefix;

            @Option(names = "--prefix", paramLabel = "DIR", description = "Install into DIR/share/jupyter.")
            Path prefix;
        }

        @Override
        public Integer call() {
            Path dataDir = location.prefix != null ? KernelInstaller.prefixDataDir(location.prefix)
                    : location.sysPrefix ? KernelInstaller.sysPrefixDataDir(python)
                    : KernelInstaller.userDataDir();
            Path javaExecutable = java != null ? java : KernelInstaller.currentJava();
            List<Path> classpath = KernelInstaller.defaultClasspath();
            Map<String, String> variables = new TreeMap<>(env);
            if (timeout != null) {
                KernelOptions.duration(timeout);
                variables.put(KernelOptions.TIMEOUT, timeout);
            }
            if (startupScript != null) {
                if (!Files.isRegularFile(startupScript)) {
                    throw new IllegalArgumentException("--startup-script " + startupScript + ": no such file");
                }
                variables.put(KernelOptions.STARTUP_SCRIPT, startupScript.toAbsolutePath().normalize().toString());
            }
            if (outputLimit != null) {
                KernelOptions.size(outputLimit);
                variables.put(KernelOptions.OUTPUT_LIMIT, outputLimit);
            }
            Path kernelDir = KernelInstaller.install(dataDir, name, javaExecutable, classpath,
                    KernelInstaller.DEFAULT_JVM_FLAGS, variables);
            spec.commandLine().getOut().printf("Installed kernelspec '%s' (%s) in %s%n"
                    + "Start it with: jupyter console --kernel %s%n",
                    name, KernelInstaller.DISPLAY_NAME, kernelDir, name);
            return 0;
        }
    }
}
