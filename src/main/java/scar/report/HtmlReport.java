package scar.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import scar.plot.Charts;
import scar.text.Format;
import scar.text.Sheet;
import tech.tablesaw.api.Table;

/**
 * A self-contained HTML report: one file with inline CSS, charts embedded as base64 PNG data URIs and no external
 * resource, so it opens offline and can be mailed as is. Built in order of the calls:
 *
 * <pre>{@code
 * HtmlReport.titled("Wikipedia")
 *     .paragraph("Two modalities, 10 classes.")
 *     .chart("Measures per class", grid)
 *     .table(profile.toTable(), 20)
 *     .footer(Map.of("seed", "7", "ratios", "1 2 5 10 15 20 30"), elapsed)
 *     .write(Path.of("report.html"));
 * }</pre>
 *
 * <p>All text is HTML-escaped. Images scale down to the page width (CSS {@code max-width: 100%}). The footer names
 * the project version: the jar manifest's {@code Implementation-Version}, or "dev" when running from classes.
 * A builder is not thread-safe.
 */
public final class HtmlReport {

    /** Rows shown by {@link #table(Table)}. */
    public static final int DEFAULT_MAX_ROWS = 50;

    /** Columns of a table shown, in a report and in a notebook; a note says how many there are in all. */
    public static final int MAX_COLUMNS = 50;

    /** Characters shown of a table's cell, column name or caption; the cell says how many more it holds. */
    public static final int MAX_CELL = 500;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final String title;
    private final List<String> blocks = new ArrayList<>();
    private String footer = "";

    private HtmlReport(String title) {
        this.title = title;
    }

    /** A new, empty report whose page title and top heading is {@code title}. */
    public static HtmlReport titled(String title) {
        return new HtmlReport(Objects.requireNonNull(title, "title"));
    }

    /** A section heading. */
    public HtmlReport heading(String text) {
        blocks.add("<h2>" + escape(text) + "</h2>");
        return this;
    }

    /** A paragraph of plain text (line breaks are kept). */
    public HtmlReport paragraph(String text) {
        blocks.add("<p>" + escape(text).replace("\n", "<br>") + "</p>");
        return this;
    }

    /** A two-column table of names and values, in the map's iteration order; null values print as empty. */
    public HtmlReport keyValues(Map<String, ?> entries) {
        blocks.add(keyValueTable(entries));
        return this;
    }

    /** {@code table} with at most {@link #DEFAULT_MAX_ROWS} rows. */
    public HtmlReport table(Table table) {
        return table(table, DEFAULT_MAX_ROWS);
    }

    /**
     * {@code table} with its name as caption and its first {@code maxRows} rows; when rows are left out a note says
     * how many are shown of how many. Numbers print in the project's number format ({@link scar.text.Format}).
     *
     * @throws IllegalArgumentException if {@code maxRows < 0}
     */
    public HtmlReport table(Table table, int maxRows) {
        Objects.requireNonNull(table, "table");
        return table(new Sheet(table.name(), table.columns()), maxRows);
    }

    /** {@code sheet} with at most {@link #DEFAULT_MAX_ROWS} rows. */
    public HtmlReport table(Sheet sheet) {
        return table(sheet, DEFAULT_MAX_ROWS);
    }

    /**
     * {@code sheet} as {@link #table(Table, int)} shows a table, without making a Tablesaw {@code Table}.
     *
     * @throws IllegalArgumentException if {@code maxRows < 0}
     */
    public HtmlReport table(Sheet sheet, int maxRows) {
        blocks.add(HtmlTables.render(Objects.requireNonNull(sheet, "sheet"), maxRows));
        return this;
    }

    /**
     * A PNG image with a caption, embedded as a data URI.
     *
     * @throws IllegalArgumentException if {@code png} does not start with the PNG signature
     */
    public HtmlReport image(String caption, byte[] png) {
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(png, "png");
        if (png.length < PNG_SIGNATURE.length || !Arrays.equals(png, 0, PNG_SIGNATURE.length,
                PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
            throw new IllegalArgumentException("image '" + caption + "' is not a PNG (" + png.length
                    + " bytes without the PNG signature)");
        }
        String src = "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        blocks.add("<figure><img src=\"" + src + "\" alt=\"" + escape(caption) + "\"><figcaption>" + escape(caption)
                + "</figcaption></figure>");
        return this;
    }

    /** A chart (any XChart chart or {@link scar.plot.ChartGrid}) rendered to PNG and embedded with a caption. */
    public HtmlReport chart(String caption, Object chart) {
        return image(caption, Charts.pngBytes(chart));
    }

    /**
     * The closing "Run" section: the options of the run (put the seed among them), the project version, the Java
     * version and how long the run took. Calling it again replaces the previous footer.
     *
     * @throws IllegalArgumentException if {@code elapsed} is negative
     */
    public HtmlReport footer(Map<String, ?> options, Duration elapsed) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(elapsed, "elapsed");
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed is " + elapsed + "; expected a non-negative duration");
        }
        Map<String, Object> run = new LinkedHashMap<>(options);
        run.put("SCAR version", version());
        run.put("Java", System.getProperty("java.version"));
        run.put("time taken", Format.duration(elapsed));
        footer = "<footer><h2>Run</h2>" + keyValueTable(run) + "<p class=\"muted\">Generated by SCAR for Java "
                + escape(version()) + " in " + escape(Format.duration(elapsed)) + ".</p></footer>";
        return this;
    }

    /** The whole document. */
    public String toHtml() {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"SCAR for Java ").append(escape(version())).append("\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(Style.CSS)
                .append("</style>\n</head>\n<body>\n<main>\n<h1>").append(escape(title)).append("</h1>\n");
        for (String block : blocks) {
            html.append(block).append('\n');
        }
        html.append(footer).append("\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /**
     * Writes {@link #toHtml()} as UTF-8 to {@code path}, creating parent folders; returns the path. The file appears
     * whole or not at all: it is written under a hidden temporary name and renamed ({@link StagedOutput}).
     *
     * @throws UncheckedIOException naming the path when it cannot be written (or is a folder)
     */
    public Path write(Path path) {
        Objects.requireNonNull(path, "path");
        try (StagedOutput out = StagedOutput.file(path)) {
            Files.writeString(out.path(), toHtml(), StandardCharsets.UTF_8);
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report to " + path.toAbsolutePath(), e);
        }
        return path;
    }

    /** Number of blocks added so far (headings, paragraphs, tables, images), not counting the footer. */
    public int size() {
        return blocks.size();
    }

    @Override
    public String toString() {
        return "HtmlReport[\"" + title + "\", " + blocks.size() + " blocks" + (footer.isEmpty() ? "" : ", footer")
                + "]";
    }

    /** The project version from the jar manifest's {@code Implementation-Version}, or "dev". */
    public static String version() {
        String v = HtmlReport.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }

    /** {@code text} with {@code & < > " '} replaced by character references; null becomes the empty string. */
    /**
     * {@code text} HTML-escaped and cut to its first {@link #MAX_CELL} characters, followed by how many more there
     * are ("… (999,500 more characters)"), so that one long value cannot make a table megabytes long.
     */
    public static String escapeCell(String text) {
        if (text == null || text.length() <= MAX_CELL) {
            return escape(text);
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_CELL - 1)) ? MAX_CELL - 1 : MAX_CELL;
        return escape(text.substring(0, end)) + String.format(Locale.ROOT, "\u2026 (%,d more characters)",
                text.length() - end);
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String keyValueTable(Map<String, ?> entries) {
        Objects.requireNonNull(entries, "entries");
        StringBuilder html = new StringBuilder("<table class=\"kv\"><tbody>");
        for (Map.Entry<String, ?> e : entries.entrySet()) {
            html.append("<tr><th scope=\"row\">").append(escape(e.getKey())).append("</th><td>")
                    .append(escape(e.getValue() == null ? "" : String.valueOf(e.getValue()))).append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }
}
