package scar;

import static scar.Scar.characterize;
import static scar.Scar.dataset;
import static scar.Scar.evaluate;
import static scar.Scar.options;
import static scar.Scar.plotEnvelope;
import static scar.Scar.plotEvaluation;
import static scar.Scar.plotLearningCurve;
import static scar.Scar.plotMeasures;
import static scar.Scar.plotStepSizes;
import static scar.Scar.save;

import java.nio.file.Path;
import scar.data.MultiModalDataset;
import scar.foundation.DatasetProfile;
import scar.foundation.ScarProfile;

/**
 * Writes the figures of {@code tutorials/} with the public API only, as the tutorials' code produces them:
 * {@code java -cp "target/test-classes:target/classes:target/lib/*" scar.TutorialFigures tutorials/figures}
 * after {@code mvn -q test-compile}. Seeded (the default seed 42), so a rerun gives the same numbers.
 */
public final class TutorialFigures {
    private TutorialFigures() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "tutorials/figures");
        MultiModalDataset wiki = dataset("wikipedia");
        ScarProfile text = characterize(wiki.modality("text"), options().withProgress(false));
        System.out.println(save(plotMeasures(text), dir.resolve("01-text-measures.png")));
        System.out.println(save(plotStepSizes(text), dir.resolve("01-text-step-sizes.png")));
        System.out.println(save(plotEnvelope(text, "art_architecture"), dir.resolve("03-envelope.png")));
        DatasetProfile all = characterize(wiki, options().withRatios(1, 2, 5, 10).withProgress(false));
        System.out.println(save(plotStepSizes(all), dir.resolve("04-bias.png")));
        System.out.println(save(plotEvaluation(evaluate(wiki, options().withRatios(1, 2, 5).withProgress(false), 2)),
                dir.resolve("04-evaluation.png")));
        System.out.println(save(plotLearningCurve(characterize(wiki, options().withProgress(false))),
                dir.resolve("06-learning-curves.png")));
    }
}
