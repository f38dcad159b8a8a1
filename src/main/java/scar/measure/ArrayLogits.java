package scar.measure;

/** Shape and description of logits backed by a row-major primitive array; {@link Logits}' factories fill in get. */
abstract class ArrayLogits implements Logits {
    private final int rows;
    private final int classes;
    private final String type;

    ArrayLogits(int rows, int classes, String type) {
        this.rows = rows;
        this.classes = classes;
        this.type = type;
    }

    @Override
    public final int rows() {
        return rows;
    }

    @Override
    public final int classes() {
        return classes;
    }

    @Override
    public String toString() {
        return "Logits[" + rows + " x " + classes + ", " + type + "]";
    }
}
