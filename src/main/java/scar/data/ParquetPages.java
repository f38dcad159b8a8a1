package scar.data;

import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;

/**
 * The pages of one Parquet column chunk, framed by their Thrift headers and decompressed (uncompressed, Snappy, ZSTD,
 * LZ4_RAW or GZIP), for parquet-column's {@code ColumnReaderImpl}. Every size a header claims is checked against the
 * chunk before anything is allocated, and so are the counts inside a data page ({@link ParquetPageCounts}); a corrupt
 * chunk is an {@link IllegalArgumentException} naming the file and column.
 */
final class ParquetPages implements PageReader {
    /**
     * A page may decompress to at most this many times its compressed size plus {@link #SLACK} bytes. Deflate's own
     * limit is about 1032; a claim beyond it on a large page is a corrupt header, not data.
     */
    private static final long MAX_RATIO = 1100;
    private static final long SLACK = 64L << 20;

    private final DictionaryPage dictionary;
    private final List<DataPage> pages;
    private final long values;
    private int next;

    private ParquetPages(DictionaryPage dictionary, List<DataPage> pages, long values) {
        this.dictionary = dictionary;
        this.pages = pages;
        this.values = values;
    }

    /** Reads and decompresses the pages of the chunk {@code cm} of {@code column}. */
    static ParquetPages read(ParquetFile pq, FileChannel channel, ParquetFile.Column column, ColumnMetaData cm)
            throws IOException {
        long start = cm.getData_page_offset();
        if (cm.isSetDictionary_page_offset() && cm.getDictionary_page_offset() > 0
                && cm.getDictionary_page_offset() < start) {
            start = cm.getDictionary_page_offset();
        }
        long length = cm.getTotal_compressed_size();
        if (start < 4 || length < 0 || start + length > channel.size() - 8 || length > Integer.MAX_VALUE - 8) {
            throw pq.corrupt(column, "its column chunk (offset " + start + ", " + length + " bytes) lies outside the"
                    + " file");
        }
        if (cm.getNum_values() < 0) {
            throw pq.corrupt(column, "its column chunk claims " + cm.getNum_values() + " values");
        }
        Memory.require(length, "column '" + column.name() + "' of " + pq.file());
        byte[] bytes = new byte[(int) length];
        ParquetFile.read(channel, start, (int) length).get(bytes);
        Position in = new Position(bytes);
        CompressionCodec codec = cm.getCodec();
        DictionaryPage dictionary = null;
        List<DataPage> data = new ArrayList<>();
        long values = 0;
        while (values < cm.getNum_values() && in.available() > 0) {
            PageHeader ph = Util.readPageHeader(in);
            int size = ph.getCompressed_page_size();
            if (size < 0 || size > in.available()) {
                throw pq.corrupt(column, "a page of " + size + " bytes runs past its column chunk");
            }
            int at = in.position();
            in.skip(size);
            if (ph.getType() == null) {
                continue;
            }
            switch (ph.getType()) {
                case DICTIONARY_PAGE -> {
                    DictionaryPageHeader h = header(pq, column, ph.getDictionary_page_header());
                    byte[] raw = decompress(pq, column, codec, bytes, at, size, ph.getUncompressed_page_size());
                    // parquet-java allocates an array of the claimed entries before it reads one of them
                    if (h.getNum_values() < 0 || (long) h.getNum_values() * plainBits(column) > 8L * raw.length) {
                        throw pq.corrupt(column, "a dictionary page of " + raw.length + " bytes claims "
                                + h.getNum_values() + " entries");
                    }
                    dictionary = new DictionaryPage(BytesInput.from(raw), h.getNum_values(),
                            encoding(pq, column, h.getEncoding()));
                }
                case DATA_PAGE -> {
                    DataPageHeader h = header(pq, column, ph.getData_page_header());
                    byte[] raw = decompress(pq, column, codec, bytes, at, size, ph.getUncompressed_page_size());
                    int n = count(pq, column, h.getNum_values());
                    Encoding rl = encoding(pq, column, h.getRepetition_level_encoding());
                    Encoding dl = encoding(pq, column, h.getDefinition_level_encoding());
                    Encoding encoding = encoding(pq, column, h.getEncoding());
                    ParquetPageCounts.v1(pq, column, raw, n, rl, dl, encoding);
                    data.add(new DataPageV1(BytesInput.from(raw), n, raw.length, null, rl, dl, encoding));
                    values += n;
                }
                case DATA_PAGE_V2 -> {
                    DataPageHeaderV2 h = header(pq, column, ph.getData_page_header_v2());
                    int rl = h.getRepetition_levels_byte_length();
                    int dl = h.getDefinition_levels_byte_length();
                    if (rl < 0 || dl < 0 || (long) rl + dl > size) {
                        throw pq.corrupt(column, "a version 2 page's levels do not fit the page");
                    }
                    boolean compressed = !h.isSetIs_compressed() || h.isIs_compressed();
                    int dataBytes = size - rl - dl;
                    byte[] raw = compressed
                            ? decompress(pq, column, codec, bytes, at + rl + dl, dataBytes,
                                    ph.getUncompressed_page_size() - rl - dl)
                            : Arrays.copyOfRange(bytes, at + rl + dl, at + size);
                    int n = count(pq, column, h.getNum_values());
                    Encoding encoding = encoding(pq, column, h.getEncoding());
                    ParquetPageCounts.v2(pq, column, bytes, at, rl, dl, raw, n, encoding);
                    data.add(DataPageV2.uncompressed(h.getNum_rows(), h.getNum_nulls(), n,
                            BytesInput.from(bytes, at, rl), BytesInput.from(bytes, at + rl, dl), encoding,
                            BytesInput.from(raw), null));
                    values += n;
                }
                default -> {
                    // index and bloom-filter pages carry no values
                }
            }
        }
        if (values != cm.getNum_values()) {
            throw pq.corrupt(column, "its pages hold " + values + " values but the footer says " + cm.getNum_values());
        }
        return new ParquetPages(dictionary, data, values);
    }

    private static <T> T header(ParquetFile pq, ParquetFile.Column column, T header) {
        if (header == null) {
            throw pq.corrupt(column, "a page header lacks the header of its page type");
        }
        return header;
    }

    /**
     * The fewest bits one PLAIN value of the column's type takes (a dictionary page holds its entries PLAIN): a string
     * at least its 4-byte length, a fixed-length byte array its length (at least one bit counted).
     */
    private static long plainBits(ParquetFile.Column column) {
        return switch (column.type()) {
            case BOOLEAN -> 1;
            case INT32, FLOAT, BINARY -> 32;
            case INT64, DOUBLE -> 64;
            case INT96 -> 96;
            case FIXED_LEN_BYTE_ARRAY -> Math.max(1, 8L * column.descriptor().getPrimitiveType().getTypeLength());
        };
    }

    private static int count(ParquetFile pq, ParquetFile.Column column, int values) {
        if (values < 0) {
            throw pq.corrupt(column, "a page claims " + values + " values");
        }
        return values;
    }

    private static Encoding encoding(ParquetFile pq, ParquetFile.Column column, org.apache.parquet.format.Encoding e) {
        if (e == null) {
            throw pq.corrupt(column, "a page header names no encoding");
        }
        try {
            return Encoding.valueOf(e.name());
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(pq.file() + ": column '" + CsvReader.shown(column.name()) + "' uses the"
                    + " encoding " + e.name() + ", which is not supported");
        }
    }

    private static byte[] decompress(ParquetFile pq, ParquetFile.Column column, CompressionCodec codec, byte[] in,
                                     int at, int size, int uncompressed) {
        if (codec == null || codec == CompressionCodec.UNCOMPRESSED) {
            return Arrays.copyOfRange(in, at, at + size);
        }
        if (uncompressed < 0 || uncompressed > MAX_RATIO * size + SLACK) {
            throw pq.corrupt(column, "a page of " + size + " compressed bytes claims " + uncompressed
                    + " uncompressed bytes");
        }
        Memory.require(uncompressed, "a page of column '" + column.name() + "' of " + pq.file());
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
                default -> throw new IllegalArgumentException(pq.file() + ": column '"
                        + CsvReader.shown(column.name()) + "' is compressed with " + codec + ", which is not"
                        + " supported; expected uncompressed, SNAPPY, ZSTD, GZIP or LZ4_RAW pages");
            }
            if (got != uncompressed) {
                throw pq.corrupt(column, "a page decompressed to " + got + " bytes instead of " + uncompressed);
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw pq.undecodable(column, "a " + codec + " page cannot be decompressed", e);
        }
    }

    private static int run(Decompressor d, byte[] in, int at, int size, byte[] out) {
        return d.decompress(in, at, size, out, 0, out.length);
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

    /** A byte-array stream that tells its position. */
    private static final class Position extends ByteArrayInputStream {
        Position(byte[] bytes) {
            super(bytes);
        }

        int position() {
            return pos;
        }
    }
}
