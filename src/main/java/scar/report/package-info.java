/**
 * The self-contained HTML report: {@link scar.report.HtmlReport} collects headings, text, key–value lists, Tablesaw
 * tables and charts (embedded as PNG data URIs) into one file with inline CSS that opens offline.
 */
package scar.report;
