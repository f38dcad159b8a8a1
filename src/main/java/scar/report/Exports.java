package scar.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import scar.foundation.DatasetProfile;
import scar.foundation.ScarProfile;
import scar.plot.Charts;
import scar.text.Json;
import tech.tablesaw.api.Table;

/**
 * Writes results as files a spreadsheet or another program reads: every table as CSV, a whole profile as JSON.
 */
public final class Exports {
    private Exports() {
    }

    /**
     * Writes, for every modality m, {@code m-classes.csv}, {@code m-measures.csv}, {@code m-steps.csv},
     * {@code m-hard-items.csv} and, with held-out items, {@code m-learning-curve.csv}, {@code m-recall-curve.csv} and
     * {@code m-evidence.csv}; plus {@code modalities.csv}, {@code agreement.csv} (several modalities) and
     * {@code profile.json} into {@code dir} (created if needed). Returns the files written.
     */
    public static List<Path> write(DatasetProfile profile, Path dir) {
        List<Path> out = new ArrayList<>();
        mkdirs(dir);
        for (ScarProfile p : profile.modalities()) {
            String m = safe(p.modality());
            out.add(csv(p.toTable(), dir.resolve(m + "-classes.csv")));
            out.add(csv(p.measuresTable(), dir.resolve(m + "-measures.csv")));
            out.add(csv(p.stepsTable(), dir.resolve(m + "-steps.csv")));
            out.add(csv(p.hardItems(), dir.resolve(m + "-hard-items.csv")));
            if (p.evidence().hasCurve()) {
                out.add(csv(p.learningCurve(), dir.resolve(m + "-learning-curve.csv")));
                out.add(csv(p.evidence().curve().recallTable(), dir.resolve(m + "-recall-curve.csv")));
                out.add(csv(p.evidenceTable(), dir.resolve(m + "-evidence.csv")));
            }
        }
        out.add(csv(profile.toTable(), dir.resolve("modalities.csv")));
        profile.agreement().ifPresent(a -> out.add(csv(a.toTable(), dir.resolve("agreement.csv"))));
        out.add(json(profile, dir.resolve("profile.json")));
        return out;
    }

    /** Writes {@code table} as CSV (with a header line) to {@code file}. */
    public static Path csv(Table table, Path file) {
        try {
            table.write().csv(file.toFile());
            return file;
        } catch (RuntimeException e) {
            // Tablesaw wraps the IOException of an unwritable file in a RuntimeException
            throw new UncheckedIOException("cannot write " + file.toAbsolutePath() + ": " + e.getMessage(),
                    e.getCause() instanceof IOException io ? io : new IOException(e));
        }
    }

    /**
     * Writes any result as pretty-printed JSON that reads back exactly ({@link Json}): {@code DatasetProfile.read},
     * {@code MultiModalPlan.read}, {@code CompletionPlan.read} and {@code Evaluation.read} read it.
     */
    public static Path json(Object value, Path file) {
        return Json.write(value, file);
    }

    /**
     * Saves a chart (or a grid of charts) as PNG or SVG, or a result as JSON, chosen by the file name's extension.
     *
     * @throws IllegalArgumentException if the name ends in none of {@code .png}, {@code .svg}, {@code .json}
     */
    public static Path save(Object value, Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return json(value, file);
        }
        if (name.endsWith(".svg") || name.endsWith(".png")) {
            return Charts.save(value, file);
        }
        throw new IllegalArgumentException("cannot tell the format of '" + file + "': expected a name ending in "
                + ".png or .svg (a chart) or .json (a result)");
    }

    /** Creates {@code dir} and its parents. */
    public static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder " + dir.toAbsolutePath(), e);
        }
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
