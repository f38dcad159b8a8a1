package scar.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static scar.data.TestFiles.assertFails;
import static scar.data.TestFiles.gzip;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strict gzip decoder behind every loader of {@code .gz} files. */
class GzipInputTest {
    private static final String CSV = "id,label,f0,f1\na,0,1,2\nb,1,3,4\nc,0,5,6\nd,1,7,8\n";

    @TempDir
    Path dir;

    private static String decode(byte[] bytes) throws IOException {
        try (InputStream in = new GzipInput(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void decodesOneMemberAndMembersBackToBack() throws IOException {
        assertEquals(CSV, decode(gzip(CSV)));
        // cat a.gz b.gz is a valid gzip file of both texts
        assertEquals(CSV + "e,0,9,10\n", decode(concat(gzip(CSV), gzip("e,0,9,10\n"))));
        assertEquals("", decode(gzip("")));
    }

    @Test
    void zeroPaddingAfterTheDataIsAllowedAsGnuGzipAllows() throws IOException {
        assertEquals(CSV, decode(concat(gzip(CSV), new byte[100])));
    }

    /** Issue 14: java.util.zip.GZIPInputStream ignores garbage after a member, so the file loaded as if whole. */
    @Test
    void dataAppendedToAGzipFileIsAnError() throws IOException {
        Path gz = Files.write(dir.resolve("garbage.csv.gz"),
                concat(gzip(CSV), "GARBAGE TRAILING BYTES here".getBytes(StandardCharsets.US_ASCII)));
        assertFails(UncheckedIOException.class, () -> CsvEmbeddings.load(gz, "id", "label"),
                "garbage.csv.gz", "unexpected data after the end of the gzip stream", "byte " + gzip(CSV).length,
                "47 41 52", "appended");
        // a stray 1f byte that does not start a member is caught too
        assertFails(IOException.class, () -> decode(concat(gzip(CSV), new byte[] {0x1f, 0x00})),
                "unexpected data after the end of the gzip stream");
    }

    @Test
    void aDamagedChecksumOrLengthIsAnError() {
        byte[] bytes = gzip(CSV);
        byte[] crc = bytes.clone();
        crc[crc.length - 8] ^= 1;
        assertFails(IOException.class, () -> decode(crc), "corrupt", "CRC-32");
        byte[] size = bytes.clone();
        size[size.length - 1] ^= 1;
        assertFails(IOException.class, () -> decode(size), "corrupt", "bytes");
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);
        assertFails(IOException.class, () -> decode(truncated), "ends early", "truncated");
    }

    @Test
    void headerFieldsAreSkippedAndReservedFlagsRejected() throws IOException {
        byte[] plain = gzip(CSV);
        // FNAME + FCOMMENT + FEXTRA + FHCRC: insert the fields after the 10-byte header
        byte[] extra = {4, 0, 'a', 'b', 'c', 'd'};
        byte[] name = "emb.csv\0".getBytes(StandardCharsets.US_ASCII);
        byte[] comment = "made by hand\0".getBytes(StandardCharsets.US_ASCII);
        byte[] head = Arrays.copyOf(plain, 10);
        head[3] = 4 | 8 | 16 | 2;
        byte[] withFields = concat(head, extra, name, comment, new byte[] {0, 0},
                Arrays.copyOfRange(plain, 10, plain.length));
        assertEquals(CSV, decode(withFields));
        byte[] reserved = plain.clone();
        reserved[3] = (byte) 0x20;
        assertFails(IOException.class, () -> decode(reserved), "reserved header flags");
        byte[] method = plain.clone();
        method[2] = 7;
        assertFails(IOException.class, () -> decode(method), "compression method 7");
    }

    @Test
    void readsByteByByteAsWell() throws IOException {
        try (InputStream in = new GzipInput(new ByteArrayInputStream(gzip("ab")))) {
            assertArrayEquals(new int[] {'a', 'b', -1}, new int[] {in.read(), in.read(), in.read()});
        }
    }
}
