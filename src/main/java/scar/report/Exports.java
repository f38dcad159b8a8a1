package scar.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonObject;

import scar.foundation.DatasetProfile;
import scar.foundation.ScarProfile;
import scar.plot.Charts;
import scar.text.Json;
import scar.text.Sheet;
import scar.text.SheetCsv;

/**
 * Writes results as files a spreadsheet or another program reads: every table as CSV, a whole profile as JSON.
 *
 * <p><b>Reproducible files.</b> The same options and seed give the same numbers on any machine and thread count, so
 * the results files of two such runs are byte-identical. What differs between runs — wall times, per-fit times, the
 * thread count, versions — goes to {@link #TIMINGS} alone: {@code profile.json} leaves out every {@code nanos} and
 * {@code threads} field and {@code modalities.csv} the {@code seconds} column. The run facts left out are listed in
 * {@link #TIMINGS} under {@code run_fields}, so a result read back from the folder ({@code Scar.loadProfile}) is the
 * one that was written, times and threads included.
 *
 * <p><b>Safe files.</b> Every file is written under a hidden temporary name and renamed when complete
 * ({@link StagedOutput}), so a reader never sees half a file.
 */
public final class Exports {
    /** The file of a run's timings, threads and versions: the one output that differs between identical runs. */
    public static final String TIMINGS = Json.TIMINGS;

    /** The name of a profile's JSON in a results folder. */
    public static final String PROFILE = "profile.json";

    private Exports() {
    }

    /**
     * Writes {@link #profile} and {@link #timings(DatasetProfile, double, Path) timings.json} into {@code dir}
     * (created if needed; the files of an earlier run there are replaced). Returns the files written.
     */
    public static List<Path> write(DatasetProfile profile, Path dir) {
        try (StagedOutput out = StagedOutput.folder(dir)) {
            profile(profile, out.path());
            timings(profile, profile.modalities().stream().mapToDouble(ScarProfile::seconds).sum(),
                    Map.of(PROFILE, profile), out.path().resolve(TIMINGS));
            return out.commit();
        }
    }

    /**
     * Writes, for every modality m, {@code m-classes.csv}, {@code m-measures.csv}, {@code m-steps.csv},
     * {@code m-hard-items.csv} and, with held-out items, {@code m-learning-curve.csv}, {@code m-recall-curve.csv} and
     * {@code m-evidence.csv}; plus {@code modalities.csv}, {@code agreement.csv} (several modalities) and
     * {@code profile.json} into the existing folder {@code dir}: the results without timings. Returns the files
     * written.
     */
    public static List<Path> profile(DatasetProfile profile, Path dir) {
        List<Path> out = new ArrayList<>();
        for (ScarProfile p : profile.modalities()) {
            String m = safe(p.modality());
            out.add(csv(p.toSheet(), dir.resolve(m + "-classes.csv")));
            out.add(csv(p.measuresSheet(), dir.resolve(m + "-measures.csv")));
            out.add(csv(p.steps().toSheet(), dir.resolve(m + "-steps.csv")));
            out.add(csv(p.evidence().hardItems().toSheet(), dir.resolve(hardItemsFile(p.modality()))));
            if (p.evidence().hasCurve()) {
                out.add(csv(p.evidence().curve().toSheet(), dir.resolve(m + "-learning-curve.csv")));
                out.add(csv(p.evidence().curve().recallSheet(), dir.resolve(m + "-recall-curve.csv")));
                out.add(csv(p.evidenceSheet(), dir.resolve(m + "-evidence.csv")));
            }
        }
        out.add(csv(profile.toSheet().without("seconds"), dir.resolve("modalities.csv")));
        profile.agreement().ifPresent(a -> out.add(csv(a.toSheet(), dir.resolve("agreement.csv"))));
        out.add(results(profile, dir.resolve(PROFILE)));
        return out;
    }

    /**
     * Writes the timings of a characterisation: the whole command's wall time, the threads, per modality its wall
     * time and the time of every probe fit, and under {@code run_fields} the run facts that the JSON files in
     * {@code results} (file name → the result written there with {@link #results}) leave out.
     */
    public static Path timings(DatasetProfile profile, double wallSeconds, Map<String, Object> results, Path file) {
        Map<String, Object> json = run(profile.options().threads(), wallSeconds, results);
        List<Map<String, Object>> modalities = new ArrayList<>();
        for (ScarProfile p : profile.modalities()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("modality", p.modality());
            m.put("seconds", p.seconds());
            m.put("fit_seconds", p.probe().fits().stream().mapToDouble(f -> f.nanos() / 1e9).toArray());
            m.put("fits_total_seconds", p.probe().totalFitSeconds());
            modalities.add(m);
        }
        json.put("modalities", modalities);
        return json(json, file);
    }

    /** Writes the timings of a run that has no profile of its own to report (an evaluation). */
    public static Path timings(int threads, double wallSeconds, Map<String, Object> results, Path file) {
        return json(run(threads, wallSeconds, results), file);
    }

    private static Map<String, Object> run(int threads, double wallSeconds, Map<String, Object> results) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scar", HtmlReport.version());
        json.put("java", System.getProperty("java.version"));
        json.put("processors", Runtime.getRuntime().availableProcessors());
        json.put("threads", threads);
        json.put("wall_seconds", wallSeconds);
        JsonObject facts = new JsonObject();
        results.forEach((name, value) -> facts.add(name, Json.runFields(value)));
        json.put("run_fields", facts);
        return json;
    }

    /**
     * Writes {@code sheet} as CSV (with a header line) to {@code file}: what Tablesaw writes for the same columns
     * ({@link SheetCsv}), without initialising its {@code Table}.
     */
    public static Path csv(Sheet sheet, Path file) {
        return write(file, w -> SheetCsv.write(sheet, w));
    }

    /**
     * Writes any result as pretty-printed JSON that reads back exactly ({@link Json}), run facts included:
     * {@code DatasetProfile.read}, {@code MultiModalPlan.read}, {@code CompletionPlan.read} and
     * {@code Evaluation.read} read it.
     */
    public static Path json(Object value, Path file) {
        return write(file, w -> w.write(Json.toJson(value)));
    }

    /**
     * Writes a result as JSON without its run facts (times, thread counts), so that the file is the same for every
     * run with the same seed; {@link #timings} lists what it leaves out.
     */
    public static Path results(Object value, Path file) {
        return write(file, w -> w.write(Json.results(value)));
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

    /** What writes one file's text. */
    private interface Content {
        void writeTo(Writer w) throws IOException;
    }

    /** Writes {@code file} in UTF-8 under a temporary name and renames it into place when complete. */
    private static Path write(Path file, Content content) {
        try (StagedOutput out = StagedOutput.file(file)) {
            try (Writer w = Files.newBufferedWriter(out.path(), StandardCharsets.UTF_8)) {
                content.writeTo(w);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + StagedOutput.finalName(file.toAbsolutePath()) + ": "
                        + e.getMessage(), e);
            }
            out.commit();
            return file;
        }
    }

    /** The name of the file {@link #profile} writes modality {@code modality}'s hard items to. */
    static String hardItemsFile(String modality) {
        return safe(modality) + "-hard-items.csv";
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
