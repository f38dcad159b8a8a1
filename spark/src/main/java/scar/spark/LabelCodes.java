package scar.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import scar.data.LabelCoding;

/**
 * Class codes of a label column, by the rule of the local loaders ({@link LabelCoding}): integers — in an integer
 * column, or text that reads as integers, such as "2" and "10" — in ascending numeric order, otherwise text in sorted
 * order; the class names are the values as text. An empty label, a number that is not an integer in the int range, or
 * a null is refused row by row ({@link #code}), as the local Parquet loader refuses it.
 */
final class LabelCodes implements Serializable {
    private static final long serialVersionUID = 2L;

    private final String column;
    private final DataType type;
    private final HashMap<String, Integer> classOf;
    private final String[] names;

    private LabelCodes(String column, DataType type, HashMap<String, Integer> classOf, String[] names) {
        this.column = column;
        this.type = type;
        this.classOf = classOf;
        this.names = names;
    }

    /** The distinct values of {@code column} (one small job), coded; the values {@link #code} refuses are left out. */
    static LabelCodes of(Dataset<Row> df, String column, int ordinal) {
        DataType type = df.schema().apply(ordinal).dataType();
        Dataset<Row> values = df.select(functions.col(df.columns()[ordinal])).distinct();
        List<String> texts = values.collectAsList().stream().filter(r -> !r.isNullAt(0))
                .map(r -> r.get(0).toString()).filter(t -> LabelCoding.refusal(t) == null).toList();
        LabelCoding.Coded coded = LabelCoding.ofStrings(texts.toArray(new String[0]));
        HashMap<String, Integer> classOf = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            classOf.put(texts.get(i), coded.labels()[i]);
        }
        return new LabelCodes(column, type, classOf, coded.names());
    }

    String[] names() {
        return names.clone();
    }

    /**
     * The class of the label at {@code ordinal} of an input row.
     *
     * @throws IllegalArgumentException "column '…': …" for a null label or one that {@link LabelCoding#refusal}
     *                                  refuses
     */
    int code(InternalRow r, int ordinal) {
        if (r.isNullAt(ordinal)) {
            throw new IllegalArgumentException("column '" + column + "': the label is null; expected a class label"
                    + " on every row");
        }
        String text = type == DataTypes.StringType ? r.getUTF8String(ordinal).toString()
                : Long.toString(type == DataTypes.LongType ? r.getLong(ordinal) : type == DataTypes.IntegerType
                ? r.getInt(ordinal) : type == DataTypes.ShortType ? r.getShort(ordinal) : r.getByte(ordinal));
        Integer c = classOf.get(text);
        if (c == null) {
            String refused = LabelCoding.refusal(text);
            if (refused == null) {
                throw new IllegalStateException("a label not among the distinct labels");
            }
            throw new IllegalArgumentException("column '" + column + "': value '" + scar.data.Shown.value(text) + "' is not " + refused);
        }
        return c;
    }
}
