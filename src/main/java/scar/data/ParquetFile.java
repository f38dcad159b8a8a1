package scar.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.parquet.VersionParser;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReaderImpl;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Util;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * A local Parquet file, read with parquet-java's own pieces — the Thrift footer and page headers of
 * {@code parquet-format-structures} and the column decoders of {@code parquet-column} (levels, PLAIN, dictionary,
 * delta and byte-stream-split encodings) — framed here without {@code parquet-hadoop}, which would need Hadoop's
 * client jars even for a local file. Pages ({@link ParquetPages}) may be uncompressed or compressed with Snappy, ZSTD,
 * LZ4_RAW (the pure-Java decompressors of aircompressor) or GZIP. Encrypted files are not supported.
 *
 * <p>The schema is seen as top-level fields; {@link #column} finds the leaf column under one of them and
 * {@link #read} streams that column's levels and values, row group by row group. Whatever parquet-java throws on a
 * corrupt file becomes an {@link IllegalArgumentException} that names the file and the column.
 */
final class ParquetFile implements AutoCloseable {
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};
    /** Deepest schema accepted: embedding dumps nest three levels; a deeper one is a corrupt footer. */
    private static final int MAX_DEPTH = 64;
    private static final PrimitiveConverter IGNORE = new PrimitiveConverter() {
    };

    private final Path file;
    private final FileChannel channel;
    private final FileMetaData meta;
    private final List<Field> fields;
    private final VersionParser.ParsedVersion writer;

    /**
     * One schema node: a primitive leaf (type != null) or a group with children. {@code logical} is a leaf's logical
     * (or legacy converted) type as far as reading its values as text goes: null for none or a signed integer,
     * {@code "unsigned"} for an unsigned integer, {@code "string"} for UTF-8 text, otherwise the type's name in lower
     * case ({@code "decimal"}, {@code "date"}, {@code "uuid"}, ...).
     */
    record Field(String name, FieldRepetitionType repetition, org.apache.parquet.format.Type type, int typeLength,
                 String logical, List<Field> children) {
        boolean leaf() {
            return type != null;
        }
    }

    /** A leaf column: its descriptor, its position among the leaves and the top-level field it belongs to. */
    record Column(ColumnDescriptor descriptor, int leafIndex, Field top, Field leaf) {
        /**
         * The name the user gives for this column: its top-level field ({@code embedding}), not the leaf's path
         * inside it ({@code embedding.list.element}), which no option or other message uses.
         */
        String name() {
            return top.name();
        }

        PrimitiveType.PrimitiveTypeName type() {
            return descriptor.getPrimitiveType().getPrimitiveTypeName();
        }
    }

    /** Receives every entry of a column: repetition and definition level, and the value when it is defined. */
    interface Visitor {
        void accept(int repetition, int definition, Value value);
    }

    /** The value at the reader's position. */
    interface Value {
        float getFloat();

        double getDouble();

        /**
         * An integer, string or boolean value as text: an unsigned integer as unsigned, a byte array decoded as
         * UTF-8.
         *
         * @throws NotUtf8Exception if a byte array is not valid UTF-8 (decoding it with replacement characters could
         *                          make two different values one)
         */
        String text();
    }

    /** A byte-array value that is not valid UTF-8; the message shows its first bytes in hex. */
    static final class NotUtf8Exception extends RuntimeException {
        NotUtf8Exception(String bytes) {
            super(bytes, null, false, false);
        }
    }

    private ParquetFile(Path file, FileChannel channel, FileMetaData meta) {
        this.file = file;
        this.channel = channel;
        this.meta = meta;
        if (meta.getSchema() == null || meta.getSchema().isEmpty() || meta.getRow_groups() == null) {
            throw new IllegalArgumentException(file + ": the Parquet footer has no schema or no row groups (corrupt"
                    + " footer)");
        }
        List<SchemaElement> schema = meta.getSchema();
        int[] next = {1};
        List<Field> top = new ArrayList<>();
        for (int c = 0; c < schema.get(0).getNum_children(); c++) {
            top.add(field(schema, next, 1));
        }
        this.fields = top;
        VersionParser.ParsedVersion v;
        try {
            v = meta.getCreated_by() == null ? null : VersionParser.parse(meta.getCreated_by());
        } catch (VersionParser.VersionParseException | RuntimeException e) {
            v = null; // only used to work around old writers' bugs
        }
        this.writer = v;
    }

    /** Opens {@code file} and reads its footer. */
    static ParquetFile open(Path file) {
        Source.requireFile(file);
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("file not found: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            long size = ch.size();
            if (size < 12) {
                throw new IllegalArgumentException(file + " is not a Parquet file: it has " + size
                        + " bytes, fewer than the 12 of an empty one");
            }
            ByteBuffer head = read(ch, 0, 4);
            ByteBuffer tail = read(ch, size - 8, 8).order(ByteOrder.LITTLE_ENDIAN);
            byte[] headMagic = new byte[4];
            head.get(headMagic);
            byte[] tailMagic = new byte[4];
            int footerLength = tail.getInt();
            tail.get(tailMagic);
            if (!Arrays.equals(headMagic, MAGIC) || !Arrays.equals(tailMagic, MAGIC)) {
                throw new IllegalArgumentException(file + " is not a Parquet file: it does not start and end with "
                        + "'PAR1'" + (Arrays.equals(tailMagic, new byte[] {'P', 'A', 'R', 'E'})
                        ? " (it is encrypted, which is not supported)" : ""));
            }
            if (footerLength <= 0 || footerLength > size - 12) {
                throw new IllegalArgumentException(file + ": the Parquet footer length " + footerLength
                        + " does not fit the file of " + size + " bytes (truncated or corrupt)");
            }
            byte[] footer = new byte[footerLength];
            read(ch, size - 8 - footerLength, footerLength).get(footer);
            FileMetaData meta;
            try {
                meta = Util.readFileMetaData(new ByteArrayInputStream(footer));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(file + ": cannot read the Parquet footer ("
                        + CsvReader.shown(firstLine(e), 200) + "); expected an unencrypted Parquet file", e);
            }
            return new ParquetFile(file, ch, meta);
        } catch (IOException | RuntimeException e) {
            close(ch);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot read " + file + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    Path file() {
        return file;
    }

    /** Rows in the file, from the footer; a count no matrix can hold is a corrupt footer. */
    int rows() {
        long rows = meta.getNum_rows();
        if (rows < 0 || rows > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(file + ": the Parquet footer says the file has " + rows + " rows;"
                    + " expected 0 to " + (Integer.MAX_VALUE - 8) + " (corrupt footer)");
        }
        return (int) rows;
    }

    /** The top-level field called {@code name}; an unknown name lists the file's fields. */
    Field field(String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        List<String> names = fields.stream().map(Field::name).toList();
        throw new IllegalArgumentException(file + ": no column '" + CsvReader.shown(name) + "'; its columns are "
                + CsvReader.shown(String.join(", ", names), 200));
    }

    /**
     * The single leaf column under the top-level field {@code name}, with its maximum repetition and definition
     * levels.
     *
     * @throws IllegalArgumentException if the field is unknown or holds more than one leaf (a struct)
     */
    Column column(String name) {
        Field top = field(name);
        List<String> path = new ArrayList<>();
        int repetition = 0;
        int definition = 0;
        Field leaf = top;
        while (true) {
            path.add(leaf.name());
            if (leaf.repetition() == FieldRepetitionType.REPEATED) {
                repetition++;
                definition++;
            } else if (leaf.repetition() == FieldRepetitionType.OPTIONAL) {
                definition++;
            }
            if (leaf.leaf()) {
                break;
            }
            if (leaf.children().size() != 1) {
                throw new IllegalArgumentException(file + ": column '" + CsvReader.shown(name) + "' is a group of "
                        + leaf.children().size() + " fields; expected a number, a string or a list of numbers");
            }
            leaf = leaf.children().get(0);
        }
        int leafIndex = 0;
        for (Field f : fields) {
            if (f == top) {
                break;
            }
            leafIndex += leaves(f);
        }
        try {
            PrimitiveType type = new PrimitiveType(Type.Repetition.valueOf(leaf.repetition().name()),
                    primitive(leaf.type()), leaf.typeLength(), leaf.name());
            return new Column(new ColumnDescriptor(path.toArray(new String[0]), type, repetition, definition),
                    leafIndex, top, leaf);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": column '" + CsvReader.shown(name) + "' has an invalid type"
                    + " in the schema (" + CsvReader.shown(firstLine(e), 200) + "); the footer is corrupt", e);
        }
    }

    private static PrimitiveType.PrimitiveTypeName primitive(org.apache.parquet.format.Type t) {
        return t == org.apache.parquet.format.Type.BYTE_ARRAY ? PrimitiveType.PrimitiveTypeName.BINARY
                : PrimitiveType.PrimitiveTypeName.valueOf(t.name());
    }

    /** Streams every entry of {@code column}, row group by row group, in file order. */
    void read(Column column, Visitor visitor) {
        PrimitiveType.PrimitiveTypeName type = column.type();
        List<RowGroup> groups = meta.getRow_groups();
        for (int g = 0; g < groups.size(); g++) {
            RowGroup group = groups.get(g);
            List<ColumnChunk> chunks = group == null ? null : group.getColumns();
            if (chunks == null || column.leafIndex() >= chunks.size() || chunks.get(column.leafIndex()) == null
                    || chunks.get(column.leafIndex()).getMeta_data() == null) {
                throw corrupt(column, "row group " + g + " has no chunk for it");
            }
            ColumnChunk chunk = chunks.get(column.leafIndex());
            if (chunk.isSetCrypto_metadata()) {
                throw new IllegalArgumentException(file + ": column '" + CsvReader.shown(column.name()) + "' is"
                        + " encrypted, which is not supported");
            }
            ColumnMetaData cm = chunk.getMeta_data();
            String where = "row group " + g + " cannot be decoded";
            ColumnReader reader;
            try {
                reader = new ColumnReaderImpl(column.descriptor(), ParquetPages.read(this, channel, column, cm),
                        IGNORE, writer);
            } catch (IOException | RuntimeException e) {
                throw undecodable(column, where, e);
            }
            boolean unsigned = "unsigned".equals(column.leaf().logical());
            Value value = new Value() {
                @Override
                public float getFloat() {
                    return reader.getFloat();
                }

                @Override
                public double getDouble() {
                    return reader.getDouble();
                }

                @Override
                public String text() {
                    return switch (type) {
                        case INT32 -> unsigned ? Integer.toUnsignedString(reader.getInteger())
                                : Integer.toString(reader.getInteger());
                        case INT64 -> unsigned ? Long.toUnsignedString(reader.getLong())
                                : Long.toString(reader.getLong());
                        case BOOLEAN -> Boolean.toString(reader.getBoolean());
                        default -> utf8(reader.getBinary().toByteBuffer());
                    };
                }
            };
            try {
                long total = reader.getTotalValueCount();
                for (long v = 0; v < total; v++) {
                    visitor.accept(reader.getCurrentRepetitionLevel(), reader.getCurrentDefinitionLevel(), value);
                    reader.consume();
                }
            } catch (RuntimeException e) {
                // the visitor's own errors pass unchanged; parquet-java's become this file's one-line error
                throw undecodable(column, where, e);
            }
        }
    }

    /** The error for a corrupt column chunk. */
    IllegalArgumentException corrupt(Column column, String what) {
        return new IllegalArgumentException(file + ": column '" + CsvReader.shown(column.name()) + "': " + what
                + "; the file is truncated or corrupt");
    }

    /**
     * {@code e} itself when it is already this file's one-line error (or a memory refusal), otherwise the error for a
     * column whose bytes parquet-java or a decompressor could not decode, with their reason.
     */
    RuntimeException undecodable(Column column, String what, Exception e) {
        boolean ours = e.getClass() == IllegalArgumentException.class && e.getMessage() != null
                && e.getMessage().startsWith(file.toString());
        if (ours || e instanceof InsufficientMemoryException) {
            return (RuntimeException) e;
        }
        String reason = inWords(e);
        return new IllegalArgumentException(file + ": column '" + CsvReader.shown(column.name()) + "': " + what
                + " (" + CsvReader.shown(reason, 200) + "); the file is truncated or corrupt", e);
    }

    /** The JDK's message for a buffer limit or position out of range: "newLimit < 0: (-5 < 0)". */
    private static final java.util.regex.Pattern BUFFER_BOUND = java.util.regex.Pattern.compile(
            "new(?:Limit|Position) [<>] \\w+: \\((-?\\d+) [<>] (-?\\d+)\\)");

    /**
     * What a decoder's exception says is wrong with the bytes, in words rather than a Java class name: a bad length
     * or position anywhere in its causes (a negative array size, a buffer limit out of range, an index past the end)
     * by what it means, anything else by the first line of its message.
     */
    private static String inWords(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : firstLine(t);
            var bound = BUFFER_BOUND.matcher(m);
            if (t instanceof NegativeArraySizeException || bound.find() && bound.group(1).startsWith("-")) {
                String length = t instanceof NegativeArraySizeException ? m : bound.group(1);
                return "a negative length" + (length.isEmpty() ? "" : " " + length);
            }
            if (bound.find(0)) {
                return "a length or position of " + bound.group(1) + " past the end of its " + bound.group(2)
                        + " bytes";
            }
            if (t instanceof IndexOutOfBoundsException || t instanceof java.nio.BufferUnderflowException
                    || t instanceof java.io.EOFException) {
                return "a length or position past the end of its data";
            }
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? "bytes that do not decode" : firstLine(e);
    }

    /**
     * The first line of {@code e}'s message, without the decoded structure Thrift appends to a footer it cannot
     * validate ("... Struct: FileMetaData(...)", thousands of characters of a corrupt file's fields).
     */
    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        String line = m.lines().findFirst().orElse(e.getClass().getSimpleName());
        int struct = line.indexOf(" Struct: ");
        return struct >= 0 ? line.substring(0, struct) : line;
    }

    private static int leaves(Field f) {
        return f.leaf() ? 1 : f.children().stream().mapToInt(ParquetFile::leaves).sum();
    }

    /** Builds the field at {@code schema[next[0]]} and its children, advancing {@code next}. */
    private Field field(List<SchemaElement> schema, int[] next, int depth) {
        if (next[0] >= schema.size() || schema.get(next[0]) == null || depth > MAX_DEPTH) {
            throw new IllegalArgumentException(file + ": the Parquet schema " + (depth > MAX_DEPTH ? "nests deeper"
                    + " than " + MAX_DEPTH + " levels" : "lists fewer elements than its groups claim")
                    + " (corrupt footer)");
        }
        SchemaElement e = schema.get(next[0]++);
        if (e.getName() == null) {
            throw new IllegalArgumentException(file + ": schema element " + (next[0] - 1) + " has no name (corrupt"
                    + " footer)");
        }
        FieldRepetitionType repetition = e.isSetRepetition_type() ? e.getRepetition_type()
                : FieldRepetitionType.REQUIRED;
        if (e.isSetNum_children() && e.getNum_children() > 0) {
            List<Field> children = new ArrayList<>();
            for (int c = 0; c < e.getNum_children(); c++) {
                children.add(field(schema, next, depth + 1));
            }
            return new Field(e.getName(), repetition, null, 0, null, List.copyOf(children));
        }
        if (!e.isSetType()) {
            throw new IllegalArgumentException(file + ": schema element '" + CsvReader.shown(e.getName()) + "' has"
                    + " neither a type nor children (corrupt footer)");
        }
        return new Field(e.getName(), repetition, e.getType(), e.isSetType_length() ? e.getType_length() : 0,
                logical(e), List.of());
    }

    /** The {@link Field#logical} of a leaf: its logical type, or for files of older writers its converted type. */
    private static String logical(SchemaElement e) {
        LogicalType t = e.isSetLogicalType() ? e.getLogicalType() : null;
        if (t != null && t.getSetField() != null) {
            if (t.isSetINTEGER()) {
                return t.getINTEGER().isIsSigned() ? null : "unsigned";
            }
            return t.getSetField().getFieldName().toLowerCase(Locale.ROOT);
        }
        ConvertedType c = e.isSetConverted_type() ? e.getConverted_type() : null;
        if (c == null) {
            return null;
        }
        return switch (c) {
            case INT_8, INT_16, INT_32, INT_64 -> null;
            case UINT_8, UINT_16, UINT_32, UINT_64 -> "unsigned";
            case UTF8 -> "string";
            default -> c.name().toLowerCase(Locale.ROOT);
        };
    }

    /**
     * {@code bytes} decoded as UTF-8, strictly: malformed bytes are an error, not replacement characters. Read from the
     * value's own buffer, never copied first: a corrupt dictionary entry may claim a length of gigabytes, which
     * parquet-java does not check and a copy would allocate (the fuzzer found it); its buffer refuses the bounds.
     */
    private static String utf8(ByteBuffer bytes) {
        int length = bytes.remaining();
        byte[] first = new byte[Math.min(length, 16)];
        bytes.duplicate().get(first);
        String text = LabelCoding.strictUtf8(bytes);
        if (text == null) {
            throw new NotUtf8Exception(HexFormat.ofDelimiter(" ").formatHex(first)
                    + (first.length < length ? " ..." : ""));
        }
        return text;
    }

    static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) {
                throw new IOException("unexpected end of file at byte " + (position + buf.position()));
            }
        }
        return buf.flip();
    }

    @Override
    public void close() {
        close(channel);
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing was written; closing a read-only channel cannot lose data
        }
    }
}
