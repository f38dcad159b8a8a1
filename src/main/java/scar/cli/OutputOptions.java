package scar.cli;

import picocli.CommandLine.Option;

import scar.text.TextTable;

/** How results are printed (a picocli mixin): within 120 columns, or every column with {@code --wide}. */
final class OutputOptions {

    @Option(names = "--wide", description = "print every column of every table, however wide (default: every line "
            + "fits 120 columns; constant columns are named once below their table, wide tables are split)")
    boolean wide;

    /** The width results are printed in. */
    int width() {
        return wide ? TextTable.WIDE : TextTable.WIDTH;
    }
}
