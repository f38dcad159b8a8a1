package scar.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Class codes of a label column, as the local loaders give them: integer labels in ascending order, text labels in
 * sorted order; the values, as text, are the class names.
 */
final class LabelCodes implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String column;
    private final DataType type;
    private final long[] numbers;
    private final String[] texts;

    private LabelCodes(String column, DataType type, long[] numbers, String[] texts) {
        this.column = column;
        this.type = type;
        this.numbers = numbers;
        this.texts = texts;
    }

    /**
     * The distinct values of {@code column} (one small job). A null label is not a class: {@link #code} refuses the
     * rows that have one.
     */
    static LabelCodes of(Dataset<Row> df, String column, int ordinal) {
        DataType type = df.schema().apply(ordinal).dataType();
        Dataset<Row> values = df.select(functions.col(df.columns()[ordinal])).distinct();
        List<Row> rows = values.collectAsList().stream().filter(r -> !r.isNullAt(0)).toList();
        if (type == DataTypes.StringType) {
            String[] texts = rows.stream().map(r -> r.getString(0)).sorted().toArray(String[]::new);
            return new LabelCodes(column, type, null, texts);
        }
        long[] numbers = rows.stream().mapToLong(r -> ((Number) r.get(0)).longValue()).sorted().toArray();
        return new LabelCodes(column, type, numbers, null);
    }

    String[] names() {
        return texts != null ? texts.clone() : Arrays.stream(numbers).mapToObj(Long::toString).toArray(String[]::new);
    }

    /**
     * The class of the label at {@code ordinal} of an input row.
     *
     * @throws IllegalArgumentException "column '…': …" for a null label
     */
    int code(InternalRow r, int ordinal) {
        if (r.isNullAt(ordinal)) {
            throw new IllegalArgumentException("column '" + column + "': the label is null; expected a class label"
                    + " on every row");
        }
        int c;
        if (texts != null) {
            c = Arrays.binarySearch(texts, r.getUTF8String(ordinal).toString());
        } else {
            long v = type == DataTypes.LongType ? r.getLong(ordinal) : type == DataTypes.IntegerType
                    ? r.getInt(ordinal) : type == DataTypes.ShortType ? r.getShort(ordinal) : r.getByte(ordinal);
            c = Arrays.binarySearch(numbers, v);
        }
        if (c < 0) {
            throw new IllegalStateException("a label not among the distinct labels");
        }
        return c;
    }
}
