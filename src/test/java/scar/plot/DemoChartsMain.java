package scar.plot;

import java.nio.file.Path;
import java.util.Map;

/** Writes every demo chart as PNG (and SVG) into the folder given as the first argument, for a person to look at. */
public final class DemoChartsMain {
    private DemoChartsMain() {}

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/demo-charts");
        for (Map.Entry<String, Object> e : new DemoCharts(7).all().entrySet()) {
            System.out.println(Charts.png(e.getValue(), dir.resolve(e.getKey() + ".png")).toAbsolutePath());
            Charts.svg(e.getValue(), dir.resolve(e.getKey() + ".svg"));
        }
    }
}
