package scar.data;

import org.apache.parquet.column.Encoding;

/**
 * The counts inside a data page's encoded streams, checked against the page before parquet-java decodes it.
 * parquet-java allocates by these counts before it reads a value: a bit-packed run of the RLE/bit-packing hybrid
 * (levels, dictionary ids, booleans) gets an array of its claimed length, a DELTA_BINARY_PACKED stream one of its
 * claimed total and one of its claimed miniblocks. In a page of {@code n} values none of them exceeds {@code n} (a
 * bit-packed run may pad to a multiple of 8); a larger claim — a few corrupt bytes can claim two billion values — is a
 * corrupt page, reported before the allocation. Streams that end early are left to parquet-java, which reports them.
 */
final class ParquetPageCounts {
    private final ParquetFile pq;
    private final ParquetFile.Column column;
    private final long values;
    private byte[] bytes;
    private int at;
    private int end;

    private ParquetPageCounts(ParquetFile pq, ParquetFile.Column column, int values) {
        this.pq = pq;
        this.column = column;
        this.values = values;
    }

    /** A version 1 page: repetition and definition levels, then the values, all in {@code page}. */
    static void v1(ParquetFile pq, ParquetFile.Column column, byte[] page, int values, Encoding repetition,
                   Encoding definition, Encoding encoding) {
        ParquetPageCounts c = new ParquetPageCounts(pq, column, values);
        c.within(page, 0, page.length);
        int maxRep = column.descriptor().getMaxRepetitionLevel();
        int maxDef = column.descriptor().getMaxDefinitionLevel();
        if (maxRep > 0 && !c.levels(repetition, bitWidth(maxRep))) {
            return;
        }
        if (maxDef > 0 && !c.levels(definition, bitWidth(maxDef))) {
            return;
        }
        c.values(encoding, c.at, page.length);
    }

    /** A version 2 page: levels of {@code rl} and {@code dl} bytes at {@code at} in {@code levels}, then the values. */
    static void v2(ParquetFile pq, ParquetFile.Column column, byte[] levels, int at, int rl, int dl, byte[] data,
                   int values, Encoding encoding) {
        ParquetPageCounts c = new ParquetPageCounts(pq, column, values);
        c.within(levels, at, at + rl);
        c.hybrid(bitWidth(column.descriptor().getMaxRepetitionLevel()));
        c.within(levels, at + rl, at + rl + dl);
        c.hybrid(bitWidth(column.descriptor().getMaxDefinitionLevel()));
        c.within(data, 0, data.length);
        c.values(encoding, 0, data.length);
    }

    private void within(byte[] b, int from, int to) {
        bytes = b;
        at = from;
        end = to;
    }

    /** Version 1 levels at {@link #at}; moves past them, or returns false when they run past the page. */
    private boolean levels(Encoding encoding, int bitWidth) {
        if (encoding == Encoding.RLE) {
            if (end - at < 4) {
                return false;
            }
            long length = littleEndianInt();
            if (length > end - at) {
                return false;
            }
            int after = at + (int) length;
            end = after;
            hybrid(bitWidth);
            at = after;
            end = bytes.length;
            return true;
        }
        if (encoding == Encoding.BIT_PACKED) {
            long length = (values * bitWidth + 7) / 8;
            at = (int) Math.min(end, at + length);
            return true;
        }
        return false;
    }

    /** The values from {@code from} to {@code to} of {@link #bytes}, in {@code encoding}. */
    private void values(Encoding encoding, int from, int to) {
        at = from;
        end = to;
        switch (encoding) {
            case PLAIN_DICTIONARY, RLE_DICTIONARY -> {
                if (at < end) {
                    int bitWidth = bytes[at++] & 0xff;
                    hybrid(bitWidth);
                }
            }
            case RLE -> {
                if (end - at >= 4) {
                    long length = littleEndianInt();
                    end = (int) Math.min(end, at + length);
                    hybrid(1);
                }
            }
            case DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY -> delta(false);
            case DELTA_BYTE_ARRAY -> {
                // the prefix lengths, then the suffixes: their lengths, then their bytes
                if (delta(true)) {
                    delta(false);
                }
            }
            default -> {
                // PLAIN, BYTE_STREAM_SPLIT and the rest allocate by the bytes present, not by a count
            }
        }
    }

    /**
     * The runs of an RLE/bit-packing hybrid stream from {@link #at} to {@link #end}: every bit-packed run must fit the
     * page's values, padded to a multiple of 8.
     */
    private void hybrid(int bitWidth) {
        while (at < end) {
            long header = varint();
            if (header < 0) {
                return;
            }
            long count = header >>> 1;
            if ((header & 1) == 1) {
                if (count * 8 > values + 7) {
                    throw pq.corrupt(column, "a page of " + values + " values holds a bit-packed run of " + count * 8
                            + " values");
                }
                at = (int) Math.min(end, at + count * bitWidth);
            } else {
                at = (int) Math.min(end, at + (bitWidth + 7) / 8);
            }
        }
    }

    /**
     * A DELTA_BINARY_PACKED stream at {@link #at}: its header must describe blocks of whole miniblocks and at most the
     * page's values. With {@code skip}, moves past the stream and returns whether it was whole.
     */
    private boolean delta(boolean skip) {
        long blockSize = varint();
        long miniBlocks = varint();
        long total = varint();
        if (blockSize < 0 || miniBlocks < 0 || total < 0 || !skipVarLong()) {
            return false;
        }
        if (blockSize <= 0 || blockSize > Integer.MAX_VALUE || miniBlocks <= 0 || blockSize % miniBlocks != 0
                || blockSize / miniBlocks % 8 != 0) {
            throw pq.corrupt(column, "a DELTA_BINARY_PACKED stream has blocks of " + blockSize + " values in "
                    + miniBlocks + " miniblocks; expected miniblocks of a multiple of 8 values");
        }
        if (total > values) {
            throw pq.corrupt(column, "a page of " + values + " values holds a DELTA_BINARY_PACKED stream of " + total
                    + " values");
        }
        long perMiniBlock = blockSize / miniBlocks;
        Memory.require(8 * ((total + perMiniBlock - 1) / perMiniBlock * perMiniBlock + 1) + 4 * miniBlocks,
                "a DELTA_BINARY_PACKED page of column '" + column.name() + "' of " + pq.file());
        for (long left = total - 1; skip && left > 0; ) {
            if (!skipVarLong() || end - at < miniBlocks) {
                return false;
            }
            int widths = at;
            at += (int) miniBlocks;
            for (int m = 0; m < miniBlocks && left > 0; m++, left -= perMiniBlock) {
                at = (int) Math.min(end, at + perMiniBlock * (bytes[widths + m] & 0xff) / 8);
            }
        }
        return true;
    }

    /** An unsigned LEB128 varint of at most 5 bytes (parquet-java's int), or -1 where the stream ends or runs on. */
    private long varint() {
        long value = 0;
        for (int shift = 0; shift < 35 && at < end; shift += 7) {
            int b = bytes[at++] & 0xff;
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        return -1;
    }

    /** Moves past a varint of up to 10 bytes (a zigzag-coded long); false where the stream ends or runs on. */
    private boolean skipVarLong() {
        for (int i = 0; i < 10 && at < end; i++) {
            if ((bytes[at++] & 0x80) == 0) {
                return true;
            }
        }
        return false;
    }

    private long littleEndianInt() {
        long v = (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16
                | (long) (bytes[at + 3] & 0xff) << 24;
        at += 4;
        return v;
    }

    private static int bitWidth(int maxLevel) {
        return 32 - Integer.numberOfLeadingZeros(maxLevel);
    }
}
