package scar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import scar.data.Matrix;
import scar.data.Npy;
import scar.probe.HardwareFma;

/**
 * A JVM without a hardware fused multiply-add ({@code -XX:-UseFMA} stands in for a CPU without one) runs the probe's
 * {@code Math.fma} in software: the CLI says so in one line before the first fit, and the numbers are the same.
 */
class SoftwareFmaTest {

    private record Run(int code, String out, String err) {
    }

    /** What the notebook kernel does: it warns at start-up, then a {@code %scar} cell runs a command in its JVM. */
    public static final class KernelThenCommand {
        public static void main(String[] args) {
            HardwareFma.warnOnce(System.err, "scar kernel: ");
            System.exit(Main.execute(args));
        }
    }

    private static Run characterize(Path emb, Path labels, String... jvm) throws Exception {
        return characterize("scar.cli.Main", emb, labels, jvm);
    }

    private static Run characterize(String main, Path emb, Path labels, String... jvm) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvm));
        command.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                main, "characterize", emb.toString(), "--labels", labels.toString(), "--threads", "1"));
        Process p = new ProcessBuilder(command).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the CLI did not finish");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** The printed profile without its time line, which differs from run to run. */
    private static String withoutTime(String out) {
        return out.lines().filter(l -> !l.strip().startsWith("time ")).collect(Collectors.joining("\n"));
    }

    @Test
    void softwareFmaIsNamedInOneLineAndGivesTheSameProfile(@TempDir Path dir) throws Exception {
        // small enough that the software multiply-adds finish in seconds
        int n = 40;
        int d = 2;
        float[] x = new float[n * d];
        int[] y = new int[n];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) (random.nextGaussian() + (j == 0 ? 1.5 * y[i] : 0));
            }
        }
        Path emb = Npy.write(dir.resolve("emb.npy"), Matrix.wrap(n, d, x));
        Path labels = Npy.writeInts(dir.resolve("labels.npy"), y);

        Run software = characterize(emb, labels, "-XX:-UseFMA");
        assertEquals(0, software.code(), software.err());
        List<String> warned = software.err().lines().filter(l -> l.contains("fused multiply-adds")).toList();
        assertEquals(List.of("scar: warning: " + HardwareFma.WARNING), warned, software.err());
        assertTrue(software.out().contains("foundation size"), software.out());

        // in the kernel's JVM the start-up warning is the only one
        Run inKernel = characterize(KernelThenCommand.class.getName(), emb, labels, "-XX:-UseFMA");
        assertEquals(0, inKernel.code(), inKernel.err());
        assertEquals(List.of("scar kernel: " + HardwareFma.WARNING),
                inKernel.err().lines().filter(l -> l.contains("fused multiply-adds")).toList(), inKernel.err());

        // the other half needs a machine with FMA (not, say, QEMU's default virtual CPU)
        assumeTrue(HardwareFma.available(), "this machine has no hardware FMA");
        Run hardware = characterize(emb, labels);
        assertEquals(0, hardware.code(), hardware.err());
        assertFalse(hardware.err().contains("fused multiply-adds"), hardware.err());
        assertEquals(withoutTime(hardware.out()), withoutTime(software.out()));
    }
}
