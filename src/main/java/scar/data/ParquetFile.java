package scar.data;

import io.airlift.compress.Decompressor;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.VersionParser;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.impl.ColumnReaderImpl;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageHeader;
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
 * client jars even for a local file. Pages may be uncompressed or compressed with Snappy, ZSTD, LZ4_RAW (the
 * pure-Java decompressors of aircompressor) or GZIP. Encrypted files are not supported.
 *
 * <p>The schema is seen as top-level fields; {@link #column} finds the leaf column under one of them and
 * {@link #read} streams that column's levels and values, row group by row group.
 */
final class ParquetFile implements AutoCloseable {
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};
    private static final PrimitiveConverter IGNORE = new PrimitiveConverter() {
    };

    private final Path file;
    private final FileChannel channel;
    private final FileMetaData meta;
    private final List<Field> fields;
    private final VersionParser.ParsedVersion writer;

    /** One schema node: a primitive leaf (type != null) or a group with children. */
    record Field(String name, FieldRepetitionType repetition, org.apache.parquet.format.Type type, int typeLength,
                 boolean string, boolean list, List<Field> children) {
        boolean leaf() {
            return type != null;
        }
    }

    /** A leaf column: its descriptor, its position among the leaves and the top-level field it belongs to. */
    record Column(ColumnDescriptor descriptor, int leafIndex, Field top, Field leaf) {
        String name() {
            return String.join(".", descriptor.getPath());
        }

        PrimitiveType.PrimitiveTypeName type() {
            return descriptor.getPrimitiveType().getPrimitiveTypeName();
        }
    }

    /** Receives every entry of a column: repetition and definition level, and the reader positioned at it. */
    interface Visitor {
        void accept(int repetition, int definition, ColumnReader reader);
    }

    private ParquetFile(Path file, FileChannel channel, FileMetaData meta) {
        this.file = file;
        this.channel = channel;
        this.meta = meta;
        List<SchemaElement> schema = meta.getSchema();
        int[] next = {1};
        List<Field> top = new ArrayList<>();
        int rootChildren = schema.isEmpty() ? 0 : schema.get(0).getNum_children();
        for (int c = 0; c < rootChildren; c++) {
            top.add(field(schema, next));
        }
        this.fields = top;
        VersionParser.ParsedVersion v = null;
        try {
            v = meta.getCreated_by() == null ? null : VersionParser.parse(meta.getCreated_by());
        } catch (VersionParser.VersionParseException | RuntimeException e) {
            v = null;
        }
        this.writer = v;
    }

    /** Opens {@code file} and reads its footer. */
    static ParquetFile open(Path file) {
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
            if (!java.util.Arrays.equals(headMagic, MAGIC) || !java.util.Arrays.equals(tailMagic, MAGIC)) {
                throw new IllegalArgumentException(file + " is not a Parquet file: it does not start and end with "
                        + "'PAR1'" + (java.util.Arrays.equals(tailMagic, new byte[] {'P', 'A', 'R', 'E'})
                        ? " (it is encrypted, which is not supported)" : ""));
            }
            if (footerLength <= 0 || footerLength > size - 12) {
                throw new IllegalArgumentException(file + ": the Parquet footer length " + footerLength
                        + " does not fit the file of " + size + " bytes (truncated or corrupt)");
            }
            byte[] footer = new byte[footerLength];
            read(ch, size - 8 - footerLength, footerLength).get(footer);
            FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(footer));
            return new ParquetFile(file, ch, meta);
        } catch (IOException | RuntimeException e) {
            close(ch);
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException(file + ": cannot read the Parquet footer (" + firstLine(e)
                    + "); expected an unencrypted Parquet file", e);
        }
    }

    Path file() {
        return file;
    }

    /** Rows in the file, from the footer. */
    long rows() {
        return meta.getNum_rows();
    }

    /** The top-level field names, for messages. */
    List<String> fieldNames() {
        return fields.stream().map(Field::name).toList();
    }

    /** The top-level field called {@code name}; an unknown name lists the file's fields. */
    Field field(String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException(file + ": no column '" + name + "'; its columns are "
                + String.join(", ", fieldNames()));
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
        int[] levels = {0, 0};
        Field leaf = top;
        while (true) {
            path.add(leaf.name());
            if (leaf.repetition() == FieldRepetitionType.REPEATED) {
                levels[0]++;
                levels[1]++;
            } else if (leaf.repetition() == FieldRepetitionType.OPTIONAL) {
                levels[1]++;
            }
            if (leaf.leaf()) {
                break;
            }
            if (leaf.children().size() != 1) {
                throw new IllegalArgumentException(file + ": column '" + name + "' is a group of "
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
        Type.Repetition repetition = Type.Repetition.valueOf(leaf.repetition().name());
        PrimitiveType type = new PrimitiveType(repetition,
                primitive(leaf.type()), leaf.typeLength(), leaf.name());
        ColumnDescriptor d = new ColumnDescriptor(path.toArray(new String[0]), type, levels[0], levels[1]);
        return new Column(d, leafIndex, top, leaf);
    }

    private static PrimitiveType.PrimitiveTypeName primitive(org.apache.parquet.format.Type t) {
        return t == org.apache.parquet.format.Type.BYTE_ARRAY ? PrimitiveType.PrimitiveTypeName.BINARY
                : PrimitiveType.PrimitiveTypeName.valueOf(t.name());
    }

    /** Streams every entry of {@code column}, row group by row group, in file order. */
    void read(Column column, Visitor visitor) {
        for (RowGroup group : meta.getRow_groups()) {
            ColumnChunk chunk = group.getColumns().get(column.leafIndex());
            if (chunk.isSetCrypto_metadata()) {
                throw new IllegalArgumentException(file + ": column '" + column.name() + "' is encrypted, which is "
                        + "not supported");
            }
            ColumnMetaData cm = chunk.getMeta_data();
            ColumnReader reader = new ColumnReaderImpl(column.descriptor(), pages(column, cm), IGNORE, writer);
            long total = reader.getTotalValueCount();
            for (long v = 0; v < total; v++) {
                visitor.accept(reader.getCurrentRepetitionLevel(), reader.getCurrentDefinitionLevel(), reader);
                reader.consume();
            }
        }
    }

    /** The pages of one column chunk, decompressed, in order. */
    private PageReader pages(Column column, ColumnMetaData cm) {
        long start = cm.getData_page_offset();
        if (cm.isSetDictionary_page_offset() && cm.getDictionary_page_offset() > 0
                && cm.getDictionary_page_offset() < start) {
            start = cm.getDictionary_page_offset();
        }
        long length = cm.getTotal_compressed_size();
        try {
            if (start < 4 || length < 0 || start + length > channel.size() - 8 || length > Integer.MAX_VALUE - 8) {
                throw corrupt(column, "its column chunk (offset " + start + ", " + length + " bytes) lies outside "
                        + "the file");
            }
            Memory.require(length, "column '" + column.name() + "' of " + file);
            byte[] bytes = new byte[(int) length];
            read(channel, start, (int) length).get(bytes);
            Position in = new Position(bytes);
            DictionaryPage dictionary = null;
            List<DataPage> data = new ArrayList<>();
            long values = 0;
            while (values < cm.getNum_values() && in.available() > 0) {
                PageHeader ph = Util.readPageHeader(in);
                int size = ph.getCompressed_page_size();
                if (size < 0 || size > in.available()) {
                    throw corrupt(column, "a page of " + size + " bytes runs past its column chunk");
                }
                int at = in.position();
                in.skip(size);
                switch (ph.getType()) {
                    case DICTIONARY_PAGE -> {
                        byte[] raw = decompress(column, cm.getCodec(), bytes, at, size, ph.getUncompressed_page_size());
                        var h = ph.getDictionary_page_header();
                        dictionary = new DictionaryPage(BytesInput.from(raw), h.getNum_values(),
                                encoding(h.getEncoding()));
                    }
                    case DATA_PAGE -> {
                        byte[] raw = decompress(column, cm.getCodec(), bytes, at, size, ph.getUncompressed_page_size());
                        var h = ph.getData_page_header();
                        data.add(new DataPageV1(BytesInput.from(raw), h.getNum_values(), raw.length,
                                null,
                                encoding(h.getRepetition_level_encoding()), encoding(h.getDefinition_level_encoding()),
                                encoding(h.getEncoding())));
                        values += h.getNum_values();
                    }
                    case DATA_PAGE_V2 -> {
                        var h = ph.getData_page_header_v2();
                        int rl = h.getRepetition_levels_byte_length();
                        int dl = h.getDefinition_levels_byte_length();
                        if (rl < 0 || dl < 0 || rl + dl > size) {
                            throw corrupt(column, "a version 2 page's levels do not fit the page");
                        }
                        boolean compressed = !h.isSetIs_compressed() || h.isIs_compressed();
                        int dataBytes = size - rl - dl;
                        byte[] raw = compressed
                                ? decompress(column, cm.getCodec(), bytes, at + rl + dl, dataBytes,
                                        ph.getUncompressed_page_size() - rl - dl)
                                : java.util.Arrays.copyOfRange(bytes, at + rl + dl, at + size);
                        data.add(DataPageV2.uncompressed(h.getNum_rows(), h.getNum_nulls(), h.getNum_values(),
                                BytesInput.from(bytes, at, rl), BytesInput.from(bytes, at + rl, dl),
                                encoding(h.getEncoding()), BytesInput.from(raw),
                                null));
                        values += h.getNum_values();
                    }
                    default -> {
                        // index and bloom-filter pages carry no values
                    }
                }
            }
            if (values != cm.getNum_values()) {
                throw corrupt(column, "its pages hold " + values + " values but the footer says "
                        + cm.getNum_values());
            }
            return new Pages(dictionary, data, values);
        } catch (IOException e) {
            throw corrupt(column, "a page header cannot be read (" + firstLine(e) + ")");
        }
    }

    private static Encoding encoding(org.apache.parquet.format.Encoding e) {
        return Encoding.valueOf(e.name());
    }

    private byte[] decompress(Column column, CompressionCodec codec, byte[] in, int at, int size, int uncompressed) {
        if (uncompressed < 0) {
            throw corrupt(column, "a page claims " + uncompressed + " uncompressed bytes");
        }
        if (codec == CompressionCodec.UNCOMPRESSED) {
            return java.util.Arrays.copyOfRange(in, at, at + size);
        }
        Memory.require(uncompressed, "a page of column '" + column.name() + "' of " + file);
        byte[] out = new byte[uncompressed];
        try {
            int got;
            switch (codec) {
                case SNAPPY -> got = run(new SnappyDecompressor(), in, at, size, out);
                case ZSTD -> got = run(new ZstdDecompressor(), in, at, size, out);
                case LZ4_RAW -> got = run(new Lz4Decompressor(), in, at, size, out);
                case GZIP -> {
                    try (InputStream z = new GZIPInputStream(new ByteArrayInputStream(in, at, size))) {
                        got = z.readNBytes(out, 0, out.length);
                    }
                }
                default -> throw new IllegalArgumentException(file + ": column '" + column.name()
                        + "' is compressed with " + codec + ", which is not supported; expected uncompressed, "
                        + "SNAPPY, ZSTD, GZIP or LZ4_RAW pages");
            }
            if (got != uncompressed) {
                throw corrupt(column, "a page decompressed to " + got + " bytes instead of " + uncompressed);
            }
            return out;
        } catch (IOException | MalformedInputException e) {
            throw corrupt(column, "a " + codec + " page cannot be decompressed (" + firstLine(e) + ")");
        }
    }

    private static int run(Decompressor d, byte[] in, int at, int size, byte[] out) {
        return d.decompress(in, at, size, out, 0, out.length);
    }

    private IllegalArgumentException corrupt(Column column, String what) {
        return new IllegalArgumentException(file + ": column '" + column.name() + "': " + what
                + "; the file is truncated or corrupt");
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        return m.lines().findFirst().orElse(e.getClass().getSimpleName());
    }

    private static int leaves(Field f) {
        return f.leaf() ? 1 : f.children().stream().mapToInt(ParquetFile::leaves).sum();
    }

    /** Builds the field at {@code schema[next[0]]} and its children, advancing {@code next}. */
    private Field field(List<SchemaElement> schema, int[] next) {
        if (next[0] >= schema.size()) {
            throw new IllegalArgumentException(file + ": the Parquet schema lists fewer elements than its groups "
                    + "claim (corrupt footer)");
        }
        SchemaElement e = schema.get(next[0]++);
        boolean string = e.isSetLogicalType() && e.getLogicalType().isSetSTRING()
                || e.isSetConverted_type() && e.getConverted_type() == org.apache.parquet.format.ConvertedType.UTF8;
        boolean list = e.isSetLogicalType() && e.getLogicalType().isSetLIST()
                || e.isSetConverted_type() && e.getConverted_type() == org.apache.parquet.format.ConvertedType.LIST;
        FieldRepetitionType repetition = e.isSetRepetition_type() ? e.getRepetition_type()
                : FieldRepetitionType.REQUIRED;
        if (e.isSetNum_children() && e.getNum_children() > 0) {
            List<Field> children = new ArrayList<>();
            for (int c = 0; c < e.getNum_children(); c++) {
                children.add(field(schema, next));
            }
            return new Field(e.getName(), repetition, null, 0, false, list, List.copyOf(children));
        }
        if (!e.isSetType()) {
            throw new IllegalArgumentException(file + ": schema element '" + e.getName() + "' has neither a type nor "
                    + "children (corrupt footer)");
        }
        return new Field(e.getName(), repetition, e.getType(), e.isSetType_length() ? e.getType_length() : 0,
                string, list, List.of());
    }

    private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
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

    /** A byte-array stream that tells its position. */
    private static final class Position extends ByteArrayInputStream {
        Position(byte[] bytes) {
            super(bytes);
        }

        int position() {
            return pos;
        }
    }

    /** The decoded pages of one column chunk. */
    private static final class Pages implements PageReader {
        private final DictionaryPage dictionary;
        private final List<DataPage> pages;
        private final long values;
        private int next;

        Pages(DictionaryPage dictionary, List<DataPage> pages, long values) {
            this.dictionary = dictionary;
            this.pages = pages;
            this.values = values;
        }

        @Override
        public DictionaryPage readDictionaryPage() {
            return dictionary;
        }

        @Override
        public long getTotalValueCount() {
            return values;
        }

        @Override
        public DataPage readPage() {
            return next < pages.size() ? pages.get(next++) : null;
        }
    }
}
