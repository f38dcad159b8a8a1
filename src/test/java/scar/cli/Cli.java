package scar.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the command line in this JVM, as a user would in a shell, and keeps what it printed. */
public final class Cli {
    private Cli() {
    }

    /** The exit code and everything printed on standard output and standard error. */
    public record Run(int code, String out, String err) {
        /** Every line printed, on either stream, longer than {@code width} characters. */
        public List<String> linesLongerThan(int width) {
            return (out + "\n" + err).lines().filter(l -> l.length() > width).toList();
        }
    }

    /** Runs {@code scar args...} with standard output and error captured. */
    public static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
