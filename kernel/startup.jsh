// Imports every SCAR notebook starts with; one snippet per line. A line that does not compile is reported on the
// kernel's stderr and skipped.
import java.util.*;
import java.util.stream.*;
import java.nio.file.*;
import tech.tablesaw.api.*;
import org.knowm.xchart.*;
import scar.data.*;
import static scar.kernel.Notebook.*;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import scar.Scar;
import static scar.Scar.*;
import scar.foundation.ScarOptions;
import scar.probe.ProbeKind;
