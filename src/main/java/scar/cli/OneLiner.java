package scar.cli;

import java.util.Arrays;
import java.util.Locale;

import scar.Scar;
import scar.foundation.ScarOptions;

/**
 * One-line runs for notebooks ({@code %scar characterize wikipedia}): the same verbs as the command line, but the
 * result comes back as an object the notebook renders instead of being printed.
 */
public final class OneLiner {
    private OneLiner() {
    }

    /** What {@code %scar help} prints. */
    public static final String HELP = String.join("\n",
            "%scar VERB DATASET [--modality M] [--seed S] [--probe converged|reference] [--seeds N]",
            "  datasets                   the bundled dataset names",
            "  dataset DATASET            load a dataset (bundled name or folder) and show its summary",
            "  characterize DATASET       SCAR profile of every modality (or --modality M)",
            "  plan DATASET               completion plan: items to acquire per class and modality",
            "  evaluate DATASET           SCAR fill vs random / average fill (--seeds N, default 3)",
            "The result is the cell's value; assign it in Java for further use, e.g.",
            "  var p = characterize(dataset(\"wikipedia\"));");

    /**
     * Runs one verb and returns its result.
     *
     * @throws IllegalArgumentException for an unknown verb, a missing dataset or a bad option (the message says
     *                                  what was expected)
     */
    public static Object run(String... args) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            return HELP;
        }
        String verb = args[0].toLowerCase(Locale.ROOT);
        if (verb.equals("datasets")) {
            return Scar.datasets();
        }
        if (args.length < 2 || args[1].startsWith("--")) {
            throw new IllegalArgumentException("%scar " + verb + " needs a dataset (a bundled name such as "
                    + "wikipedia, or a folder)\n" + HELP);
        }
        var data = Scar.dataset(args[1]);
        ScarOptions options = ScarOptions.defaults();
        String modality = null;
        int seeds = 3;
        for (int i = 2; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + flag + " needs a value\n" + HELP);
            }
            String value = args[++i];
            switch (flag) {
                case "--modality", "-m" -> modality = value;
                case "--seed" -> options = options.withSeed(parseLong(flag, value));
                case "--seeds" -> seeds = (int) parseLong(flag, value);
                case "--probe" -> options = options.withProbe(new SweepOptions.ProbeKindConverter().convert(value));
                case "--ratios" -> options = options.withRatios(Arrays.stream(value.split(","))
                        .mapToInt(v -> (int) parseLong(flag, v.trim())).toArray());
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'\n" + HELP);
            }
        }
        if (modality != null) {
            data = data.selectModalities(modality);
        }
        return switch (verb) {
            case "dataset" -> data;
            case "characterize", "characterise" -> Scar.characterize(data, options);
            case "plan" -> Scar.completionPlan(Scar.characterize(data, options));
            case "evaluate" -> Scar.evaluate(data, options, seeds);
            default -> throw new IllegalArgumentException("unknown verb '" + args[0] + "'\n" + HELP);
        };
    }

    private static long parseLong(String flag, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + flag + " expects a whole number, got '" + value + "'");
        }
    }
}
