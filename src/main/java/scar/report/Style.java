package scar.report;

/** The report's inline style sheet: system fonts, a readable column, images no wider than the page. */
final class Style {

    private Style() {}

    static final String CSS = """
            :root { color-scheme: light; }
            body { margin: 0; background: #fafafa; color: #222;
                   font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif; }
            main { max-width: 1100px; margin: 0 auto; padding: 24px 20px 48px; background: #fff; }
            h1 { font-size: 1.8em; margin: 0.2em 0 0.6em; }
            h2 { font-size: 1.3em; margin: 1.6em 0 0.5em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
            p { margin: 0.6em 0; }
            figure { margin: 1.2em 0; text-align: center; }
            figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { font-size: 0.9em; color: #555; margin-top: 0.3em; }
            div.table { overflow-x: auto; margin: 1em 0; }
            table { border-collapse: collapse; font-size: 0.9em; }
            caption { text-align: left; font-weight: 600; padding: 0.3em 0; }
            th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
            thead th { background: #f0f0f0; }
            .num { text-align: right; font-variant-numeric: tabular-nums; }
            tbody tr:nth-child(even) { background: #fafafa; }
            table.kv th { background: #f5f5f5; font-weight: 600; white-space: nowrap; }
            .muted { color: #666; font-size: 0.9em; }
            footer { margin-top: 2.5em; }
            """;
}
