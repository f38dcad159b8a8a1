package scar.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KernelOptionsTest {

    @Test
    void durationsInTheUsualUnits() {
        assertEquals(Duration.ofSeconds(90), KernelOptions.duration("90"));
        assertEquals(Duration.ofSeconds(90), KernelOptions.duration("90s"));
        assertEquals(Duration.ofMillis(1500), KernelOptions.duration("1500ms"));
        assertEquals(Duration.ofMinutes(10), KernelOptions.duration("10m"));
        assertEquals(Duration.ofHours(1), KernelOptions.duration("1 h"));
        assertEquals(Duration.ofSeconds(30), KernelOptions.duration("30 SECONDS"));
        assertEquals(Duration.ofMillis(2500), KernelOptions.duration("2.5s"));
        assertThrows(IllegalArgumentException.class, () -> KernelOptions.duration("soon"));
    }

    @Test
    void sizesInBinaryMultiples() {
        assertEquals(1_048_576, KernelOptions.size("1048576"));
        assertEquals(512 * 1024, KernelOptions.size("512k"));
        assertEquals(4L << 20, KernelOptions.size("4M"));
        assertEquals(4L << 20, KernelOptions.size("4MiB"));
        assertThrows(IllegalArgumentException.class, () -> KernelOptions.size("0"));
        assertThrows(IllegalArgumentException.class, () -> KernelOptions.size("lots"));
    }

    @Test
    void theEnvironmentSetsEachOptionAndATypoFallsBackWithAProblem() {
        KernelOptions o = KernelOptions.from(Map.of(KernelOptions.TIMEOUT, "2m", KernelOptions.STARTUP_SCRIPT,
                "/tmp/init.jsh", KernelOptions.OUTPUT_LIMIT, "2M", KernelOptions.MAVEN_SETTINGS, "/tmp/s.xml"));
        assertEquals(Optional.of(Duration.ofMinutes(2)), o.timeout());
        assertEquals(Optional.of(Path.of("/tmp/init.jsh")), o.startupScript());
        assertEquals(2L << 20, o.outputLimit());
        assertEquals(Optional.of(Path.of("/tmp/s.xml")), o.mavenSettings());
        assertEquals(Optional.empty(), o.imports());
        assertEquals(Optional.of("scar/spark/kernel-startup.jsh"),
                KernelOptions.from(Map.of(KernelOptions.IMPORTS, " scar/spark/kernel-startup.jsh ")).imports());
        assertTrue(o.problems().isEmpty());
        KernelOptions typo = KernelOptions.from(Map.of(KernelOptions.TIMEOUT, "ten minutes",
                KernelOptions.OUTPUT_LIMIT, "big"));
        assertEquals(Optional.empty(), typo.timeout());
        assertEquals(KernelOptions.DEFAULT_OUTPUT_LIMIT, typo.outputLimit());
        assertEquals(2, typo.problems().size());
        assertTrue(typo.problems().get(0).startsWith("SCAR_KERNEL_TIMEOUT: 'ten minutes' is not a duration"),
                typo.problems().toString());
        assertEquals(Optional.empty(), KernelOptions.from(Map.of(KernelOptions.TIMEOUT, "0")).timeout(),
                "0 means no limit, as IJava's -1");
    }
}
