package scar.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BiFunction;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Damages a Parquet file the way a corrupt page would, for tests: a page and its header are rewritten and every
 * offset after them is moved by the change in their length, so that the file stays readable up to that page.
 */
final class ParquetCraft {
    private ParquetCraft() {
    }

    /** {@code file} with the dictionary page of {@code column} (first row group) claiming {@code entries} entries. */
    static byte[] withDictionaryEntries(byte[] file, String column, int entries) {
        return withPage(file, column, true, (header, data) -> {
            header.getDictionary_page_header().setNum_values(entries);
            return data;
        });
    }

    /**
     * {@code file} with the first dictionary or data page of {@code column} (first row group) rewritten by
     * {@code edit}, which may change the header it is given and returns the page's new bytes (the header's sizes are
     * set to their length: for uncompressed pages).
     */
    static byte[] withPage(byte[] file, String column, boolean dictionary,
                           BiFunction<PageHeader, byte[], byte[]> edit) {
        try {
            int footerLength = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            int footerAt = file.length - 8 - footerLength;
            FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(file, footerAt, footerLength));
            ColumnMetaData target = meta.getRow_groups().get(0).getColumns().stream().map(ColumnChunk::getMeta_data)
                    .filter(m -> m.getPath_in_schema().get(0).equals(column)).findFirst().orElseThrow();
            int at = (int) (dictionary ? target.getDictionary_page_offset() : target.getData_page_offset());
            ByteArrayInputStream in = new ByteArrayInputStream(file, at, file.length - at);
            int available = in.available();
            PageHeader header = Util.readPageHeader(in);
            int oldLength = available - in.available();
            int oldSize = header.getCompressed_page_size();
            byte[] data = Arrays.copyOfRange(file, at + oldLength, at + oldLength + oldSize);
            byte[] newData = edit.apply(header, data);
            if (newData.length != oldSize) {
                header.setCompressed_page_size(newData.length);
                header.setUncompressed_page_size(newData.length);
            }
            header.unsetCrc();
            ByteArrayOutputStream newHeader = new ByteArrayOutputStream();
            Util.writePageHeader(header, newHeader);
            int shift = newHeader.size() + newData.length - oldLength - oldSize;
            for (RowGroup group : meta.getRow_groups()) {
                for (ColumnChunk chunk : group.getColumns()) {
                    ColumnMetaData m = chunk.getMeta_data();
                    if (m == target) {
                        m.setTotal_compressed_size(m.getTotal_compressed_size() + shift);
                        m.setTotal_uncompressed_size(m.getTotal_uncompressed_size() + shift);
                    }
                    m.setData_page_offset(moved(m.getData_page_offset(), at, shift));
                    if (m.isSetDictionary_page_offset()) {
                        m.setDictionary_page_offset(moved(m.getDictionary_page_offset(), at, shift));
                    }
                    chunk.setFile_offset(moved(chunk.getFile_offset(), at, shift));
                    chunk.unsetOffset_index_offset();
                    chunk.unsetColumn_index_offset();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(file, 0, at);
            newHeader.writeTo(out);
            out.write(newData);
            int after = at + oldLength + oldSize;
            out.write(file, after, footerAt - after);
            ByteArrayOutputStream footer = new ByteArrayOutputStream();
            Util.writeFileMetaData(meta, footer);
            footer.writeTo(out);
            out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.size()).array());
            out.write("PAR1".getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code data} with the varint that follows {@code skip} others from {@code from} replaced by {@code value} as an
     * unsigned LEB128 varint (the counts of the RLE/bit-packing hybrid and DELTA_BINARY_PACKED streams).
     */
    static byte[] withVarint(byte[] data, int from, int skip, long value) {
        int at = from;
        for (int i = 0; i < skip; i++) {
            at = varintEnd(data, at);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(data, 0, at);
        long v = value;
        do {
            out.write((int) (v & 0x7f) | (v >>> 7 != 0 ? 0x80 : 0));
            v >>>= 7;
        } while (v != 0);
        int end = varintEnd(data, at);
        out.write(data, end, data.length - end);
        return out.toByteArray();
    }

    private static int varintEnd(byte[] data, int at) {
        int i = at;
        while ((data[i] & 0x80) != 0) {
            i++;
        }
        return i + 1;
    }

    private static long moved(long offset, long at, int shift) {
        return offset > at ? offset + shift : offset;
    }
}
