package scar.kernel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * Starts the kernel: {@code java -cp ... scar.kernel.ScarKernelMain <connection file>}, as written into the
 * kernelspec by {@link KernelInstaller}.
 *
 * <p>The kernel exits when the shutdown request arrives, or when the process that started it (the Jupyter client,
 * named by {@code JPY_PARENT_PID}, else the parent process) has ended, so no kernel JVM outlives its client.
 */
public final class ScarKernelMain {

    /** How often the parent process is checked. */
    private static final long PARENT_POLL_MS = 1000;
    /** How long {@link System#exit} may take before the JVM is halted. */
    private static final long EXIT_GRACE_MS = 5000;

    private ScarKernelMain() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java -cp <scar.jar:lib/*> scar.kernel.ScarKernelMain <connection-file>");
            System.exit(2);
        }
        Path connectionFile = Path.of(args[0]);
        KernelConnectionProperties properties;
        try {
            properties = KernelConnectionProperties.parse(Files.readString(connectionFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Jupyter connection file " + connectionFile, e);
        }
        List<String> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .collect(Collectors.toList());
        ScarKernel kernel = new ScarKernel(classpath, KernelOptions.from(System.getenv()));
        kernel.installStreams();
        JupyterConnection connection;
        try {
            connection = new JupyterConnection(properties);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("connection file " + connectionFile + " names an unusable signature "
                    + "scheme '" + properties.getSignatureScheme() + "'", e);
        }
        // ZeroMQ's default high-water mark drops IOPub messages beyond 1,000 waiting for a slower client: a loop of
        // updateDisplay calls lost updates (the display kept a stale value) and even the cell's idle status (the
        // notebook showed it running forever). Nothing is dropped now; what a cell prints is capped by CellOutput.
        connection.getIOPub().setSndHWM(0);
        kernel.becomeHandlerForConnection(connection);
        kernel.onStartup();
        connection.connect();
        watchParent(parentProcess());
        connection.waitUntilClose();
        exit(0);
    }

    /** The client process: {@code JPY_PARENT_PID} if set and alive, else this process's parent. */
    static Optional<ProcessHandle> parentProcess() {
        String pid = System.getenv("JPY_PARENT_PID");
        if (pid != null && pid.strip().matches("\\d+")) {
            Optional<ProcessHandle> named = ProcessHandle.of(Long.parseLong(pid.strip()));
            if (named.isPresent()) {
                return named;
            }
        }
        return ProcessHandle.current().parent();
    }

    private static void watchParent(Optional<ProcessHandle> parent) {
        if (parent.isEmpty() || parent.get().pid() == 1) {
            return;
        }
        ProcessHandle client = parent.get();
        Thread watcher = new Thread(() -> {
            while (client.isAlive()) {
                try {
                    Thread.sleep(PARENT_POLL_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            exit(0); // quietly: nobody is left to read it
        }, "scar-kernel-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** {@link System#exit}, with a halt if shutdown hooks hang. */
    private static void exit(int status) {
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(EXIT_GRACE_MS);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(status);
        }, "scar-kernel-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(status);
    }
}
