package scar.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import scar.evidence.HardItems;

/**
 * The hard items of the full-data fit (SPEC §4.2) gathered per partition: per class and split, the items with the
 * smallest margins (ties by item index), and per class how many items the probe gets wrong. Keeping the top k of
 * each part and then of the merged parts gives the top k of all items, in any merge order.
 */
final class HardItemsSums implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Comparator<Hard> ORDER =
            Comparator.comparingDouble(Hard::margin).thenComparingInt(Hard::item);

    /** {@link HardItems.Item}, serialisable. */
    private record Hard(int item, String id, boolean heldOut, int label, int predicted, double margin)
            implements Serializable {
        HardItems.Item toItem() {
            return new HardItems.Item(item, id, heldOut, label, predicted, margin);
        }
    }

    private final int perClass;
    private final List<List<Hard>> train = new ArrayList<>();
    private final List<List<Hard>> test = new ArrayList<>();
    private final int[] trainWrong;
    private final int[] testWrong;

    HardItemsSums(int numClasses, int perClass) {
        this.perClass = perClass;
        for (int c = 0; c < numClasses; c++) {
            train.add(new ArrayList<>());
            test.add(new ArrayList<>());
        }
        trainWrong = new int[numClasses];
        testWrong = new int[numClasses];
    }

    /** Adds an item with its K logits at {@code logits[from ..]}. */
    void add(int item, String id, boolean heldOut, int label, float[] logits, int from) {
        int k = trainWrong.length;
        int best = 0;
        double other = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            if (logits[from + c] > logits[from + best]) {
                best = c;
            }
            if (c != label) {
                other = Math.max(other, logits[from + c]);
            }
        }
        if (best != label) {
            (heldOut ? testWrong : trainWrong)[label]++;
        }
        List<Hard> list = (heldOut ? test : train).get(label);
        list.add(new Hard(item, id, heldOut, label, best, logits[from + label] - other));
        if (list.size() > 4 * perClass + 16) {
            trim(list);
        }
    }

    private void trim(List<Hard> list) {
        list.sort(ORDER);
        list.subList(Math.min(perClass, list.size()), list.size()).clear();
    }

    HardItemsSums merge(HardItemsSums o) {
        for (int c = 0; c < trainWrong.length; c++) {
            train.get(c).addAll(o.train.get(c));
            test.get(c).addAll(o.test.get(c));
            trim(train.get(c));
            trim(test.get(c));
            trainWrong[c] += o.trainWrong[c];
            testWrong[c] += o.testWrong[c];
        }
        return this;
    }

    HardItems toHardItems(String[] classNames) {
        List<HardItems.Item> out = new ArrayList<>();
        for (int c = 0; c < trainWrong.length; c++) {
            trim(test.get(c));
            trim(train.get(c));
            test.get(c).forEach(h -> out.add(h.toItem()));
            train.get(c).forEach(h -> out.add(h.toItem()));
        }
        out.sort(Comparator.comparingInt(HardItems.Item::label).thenComparing(i -> !i.heldOut())
                .thenComparingDouble(HardItems.Item::margin).thenComparingInt(HardItems.Item::item));
        return new HardItems(classNames, out, trainWrong, testWrong, perClass);
    }
}
