package scar.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

import scar.kernel.ScarKernel;

/**
 * The notebook's {@code %scar} magic: {@code %scar characterize wikipedia --ratios 1,2,5} runs the command line's own
 * picocli command, with the same options and the same output as {@code ./scar characterize wikipedia --ratios 1,2,5}
 * in a terminal, printed in the cell (long sweeps show their progress as one updating display). A command that fails
 * makes the cell fail with the command's one-line message.
 *
 * <p>Installed into the SCAR kernel as a jjava {@link Extension} (found by the service loader), so the kernel does not
 * depend on the command line.
 */
public final class ScarMagic implements Extension {

    static final String HELP = """
            %scar <command> [options]
                Runs a scar command line command in the cell, with the same options and output as ./scar in a
                terminal: datasets, characterize, plan, evaluate, report, demo, bench (%scar --help lists them,
                %scar characterize --help shows one). Example: %scar characterize wikipedia --ratios 1,2,5""";

    @Override
    public void install(BaseKernel kernel) {
        if (kernel instanceof ScarKernel scar) {
            scar.addLineMagic("scar", HELP, ScarMagic::commandNames, ScarMagic::run);
        }
    }

    /** The subcommands, for completion after {@code %scar }. */
    static List<String> commandNames() {
        return new ArrayList<>(Main.commandLine().getSubcommands().keySet());
    }

    /**
     * Runs {@code scar args...}; returns nothing (the command prints its output).
     *
     * @throws IllegalArgumentException with the command's error message when it exits with 2 (or another failure
     *                                  code): its one line, and picocli's suggestions after it if any
     * @throws CancellationException    when the command was cancelled
     */
    static Object run(List<String> args) {
        if (!args.isEmpty() && args.get(0).equals("jshell")) {
            throw new IllegalArgumentException("scar jshell starts an interactive JShell in a terminal; this notebook "
                    + "already is one");
        }
        StringWriter err = new StringWriter();
        PrintStream stdout = System.out;
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        int code = Main.execute("%scar", out, new PrintWriter(err, true), args.toArray(String[]::new));
        out.flush();
        String message = err.toString().strip();
        if (code == 0) {
            if (!message.isEmpty()) {
                System.err.println(message);
            }
            return null;
        }
        // the whole message is the cell's error, printed nowhere else: picocli's suggestions and hint follow the
        // first line ("Did you mean: ...", "(see 'scar --help')"), and printing them too showed that line twice
        String shown = message.isEmpty() ? "scar exited with status " + code : message.replaceFirst("^scar: ", "");
        if (code == 130) {
            throw new CancellationException(shown);
        }
        throw new IllegalArgumentException(shown);
    }
}
