package scar.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * A strict gzip decoder (RFC 1952) for the loaders. A file is one or more gzip members back to back (what
 * {@code cat a.gz b.gz} makes), each member's CRC-32 and length are checked, and after the last member only zero
 * padding may follow (as GNU gzip allows). Anything else after the data is an error: {@link java.util.zip
 * .GZIPInputStream} silently ignores bytes after a member that do not start another one, so a file with something
 * appended to it would load as if it were whole.
 *
 * <p>Errors are {@link IOException}s whose message says what is wrong and at which byte of the compressed file; the
 * caller adds the file name.
 */
final class GzipInput extends InputStream {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED = 0xe0;

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    /** The next unread byte of {@code buf} and the end of its valid bytes. */
    private int pos;
    private int lim;
    /** Bytes of {@code in} that came before {@code buf[0]}. */
    private long before;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private boolean end;

    /** Reads the first member's header; {@code in} must start with the gzip magic bytes. */
    GzipInput(InputStream in) throws IOException {
        this.in = Objects.requireNonNull(in, "in");
        readHeader();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (!end) {
            if (inflater.finished()) {
                readTrailer();
                continue;
            }
            if (inflater.needsInput()) {
                if (!fill()) {
                    throw new EOFException("the gzip data ends early, after " + offset() + " bytes; expected a complete"
                            + " gzip file, is it truncated?");
                }
                inflater.setInput(buf, pos, lim - pos);
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException("the gzip data is corrupt near byte " + offset() + " (" + e.getMessage()
                        + "); expected a valid gzip file");
            }
            pos = lim - inflater.getRemaining();
            if (n > 0) {
                crc.update(b, off, n);
                return n;
            }
            if (inflater.needsDictionary()) {
                throw new ZipException("the gzip data asks for a preset dictionary, which gzip files never use; "
                        + "expected a valid gzip file");
            }
        }
        return -1;
    }

    /** Checks the trailer of the member just inflated, then starts the next member or finds the end of the file. */
    private void readTrailer() throws IOException {
        long expectedCrc = readInt();
        long expectedSize = readInt();
        if (expectedCrc != crc.getValue()) {
            throw new ZipException(String.format(Locale.ROOT, "the gzip data is corrupt: its CRC-32 is %08x but the"
                    + " data gives %08x (checked at byte %d); expected a valid gzip file", expectedCrc, crc.getValue(),
                    offset()));
        }
        if (expectedSize != (inflater.getBytesWritten() & 0xffffffffL)) {
            throw new ZipException("the gzip data is corrupt: the trailer at byte " + offset() + " says "
                    + expectedSize + " bytes (mod 2^32) but " + inflater.getBytesWritten()
                    + " were decoded; expected a valid gzip file");
        }
        // What follows: nothing, another member, or zero padding up to the end.
        while (fill()) {
            if (buf[pos] == 0x1f) {
                readHeader();
                return;
            }
            if (buf[pos] != 0) {
                throw new ZipException("unexpected data after the end of the gzip stream at byte " + offset()
                        + " (it starts " + preview() + "); expected the file to end there: was something appended"
                        + " to it?");
            }
            pos++;
        }
        end = true;
    }

    private void readHeader() throws IOException {
        long start = offset();
        int id1 = readByte();
        int id2 = readByte();
        if (id1 != 0x1f || id2 != 0x8b) {
            throw new ZipException((start == 0 ? "not gzip data" : "unexpected data after the end of the gzip stream"
                    + " at byte " + start) + "; expected the gzip magic bytes 1f 8b");
        }
        int method = readByte();
        if (method != 8) {
            throw new ZipException("gzip member at byte " + start + " uses compression method " + method
                    + "; expected 8 (deflate)");
        }
        int flags = readByte();
        if ((flags & RESERVED) != 0) {
            throw new ZipException("gzip member at byte " + start + " sets reserved header flags; expected a valid"
                    + " gzip header");
        }
        skip(6); // modification time, extra flags, operating system
        if ((flags & FEXTRA) != 0) {
            skip(readByte() | readByte() << 8);
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FHCRC) != 0) {
            skip(2);
        }
        inflater.reset();
        crc.reset();
    }

    /** Refills the buffer when it is used up; false at the end of the input. */
    private boolean fill() throws IOException {
        while (pos >= lim) {
            before += lim;
            pos = 0;
            lim = 0;
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                return false;
            }
            lim = n;
        }
        return true;
    }

    private int readByte() throws IOException {
        if (!fill()) {
            throw new EOFException("the gzip data ends early, after " + offset() + " bytes (inside a gzip header or"
                    + " trailer); expected a complete gzip file, is it truncated?");
        }
        return buf[pos++] & 0xff;
    }

    private long readInt() throws IOException {
        return readByte() | (long) readByte() << 8 | (long) readByte() << 16 | (long) readByte() << 24;
    }

    private void skip(int bytes) throws IOException {
        for (int i = 0; i < bytes; i++) {
            readByte();
        }
    }

    private void skipZeroTerminated() throws IOException {
        while (readByte() != 0) {
            // a file name or comment
        }
    }

    /** Byte offset of the next unread byte in the compressed input. */
    private long offset() {
        return before + pos;
    }

    /** The next few bytes (at most 8, from the buffer) as hex, for a message. */
    private String preview() {
        StringBuilder sb = new StringBuilder("with bytes");
        for (int i = pos; i < Math.min(lim, pos + 8); i++) {
            sb.append(String.format(Locale.ROOT, " %02x", buf[i] & 0xff));
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
