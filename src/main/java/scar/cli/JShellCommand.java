package scar.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code scar jshell [FILE...]}: JShell with SCAR ready, results printed whole. */
@Command(name = "jshell", mixinStandardHelpOptions = true,
        description = "JShell with SCAR on the class path and 'import static scar.Scar.*' done; results print whole "
                + "(JShell's own feedback modes cut any value beyond 1,000 characters) and long calls show their "
                + "progress. Other arguments go to JShell (a script to load, say).")
final class JShellCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "ARG", description = "passed on to JShell")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        QuickStart.requireFullJit(); // a session runs long whatever its first cells
        return ScarShell.run(args);
    }
}
