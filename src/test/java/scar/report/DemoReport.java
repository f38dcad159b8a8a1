package scar.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import scar.plot.DemoCharts;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A demo report from synthetic, seeded arrays with every chart of {@code scar.plot}, a table and a footer: for the
 * screenshot check ({@code scripts/screenshot-report.sh}) and the report tests. The numbers mean nothing.
 */
public final class DemoReport {

    private DemoReport() {}

    public static HtmlReport build(long seed) {
        DemoCharts demo = new DemoCharts(seed);
        Map<String, Object> charts = demo.all();
        Table steps = Table.create("Step sizes per class (synthetic)",
                StringColumn.create("class", DemoCharts.CLASSES),
                IntColumn.create("items", new int[] {341, 333, 328, 260, 145, 315, 320, 226, 177, 300}),
                DoubleColumn.create("step size", new double[] {
                    52840.123, 61234.5, 48000.25, 55555.555, 40001, 59999.9, 47777.7, 58123.4, 51000, 60250.75}));
        Map<String, String> options = new LinkedHashMap<>();
        options.put("seed", Long.toString(seed));
        options.put("ratios", "1 2 5 10 15 20 30");
        options.put("probe", "converged");
        return HtmlReport.titled("SCAR report: Wikipedia (synthetic demo)")
                .paragraph("Synthetic numbers shaped like a run on the bundled Wikipedia dataset: 2 modalities "
                        + "(image, text), 10 classes, the default sweep. <Nothing here is a real result> & that's fine.")
                .heading("Measures")
                .chart("S, C, A and R per class against the sampling fraction", charts.get("measures"))
                .chart("Envelope fit of one class", charts.get("envelope"))
                .heading("Foundation size")
                .chart("Step sizes, class counts and the foundation size", charts.get("step-sizes"))
                .table(steps, 5)
                .chart("Generalisation bias: step-size distribution per modality", charts.get("bias"))
                .heading("Completion plan")
                .chart("Items to add per class", charts.get("plan"))
                .chart("Items to add per class and modality", charts.get("plan-modalities"))
                .chart("Evaluation of the plan", charts.get("evaluation"))
                .heading("Datasets side by side")
                .chart("Dataset-level S/C/A/R", charts.get("bubbles"))
                .footer(options, Duration.ofMillis(83_400));
    }

    /** Writes the demo report to the path given as the first argument (default target/demo-report.html). */
    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "target/demo-report.html");
        System.out.println(build(7).write(out).toAbsolutePath());
    }
}
