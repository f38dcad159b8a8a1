package scar.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Several files in one fuzz input, so that the fuzzer can mutate a whole dataset folder: a section starts with a line
 * {@code === name} and its content is every byte up to the line break before the next such line (or the end). A
 * name ending in {@code /} stands for a folder. Names keep only {@code [A-Za-z0-9._-]}, at most 40 characters, and
 * never {@code .} or {@code ..}; a section whose name is left empty is dropped, as is text before the first section.
 */
final class FuzzArchive {
    private static final byte[] MARK = "=== ".getBytes(StandardCharsets.US_ASCII);

    private FuzzArchive() {
    }

    /** One file (or folder) of an archive. */
    record Entry(String name, boolean folder, byte[] content) {
    }

    static List<Entry> split(byte[] in) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + MARK.length <= in.length; i++) {
            if ((i == 0 || in[i - 1] == '\n') && Arrays.equals(in, i, i + MARK.length, MARK, 0, MARK.length)) {
                starts.add(i);
            }
        }
        List<Entry> out = new ArrayList<>();
        for (int s = 0; s < starts.size(); s++) {
            int from = starts.get(s) + MARK.length;
            int end = s + 1 < starts.size() ? starts.get(s + 1) - 1 : in.length; // drop the line break before a mark
            int eol = from;
            while (eol < end && in[eol] != '\n') {
                eol++;
            }
            String raw = new String(in, from, eol - from, StandardCharsets.ISO_8859_1).strip();
            boolean folder = raw.endsWith("/");
            String name = safe(folder ? raw.substring(0, raw.length() - 1) : raw);
            if (name.isEmpty()) {
                continue;
            }
            int contentFrom = Math.min(eol + 1, end);
            out.add(new Entry(name, folder, Arrays.copyOfRange(in, contentFrom, Math.max(contentFrom, end))));
        }
        return out;
    }

    /** Builds an archive from names and contents (a name ending in {@code /} is a folder): the seeds' format. */
    static byte[] of(Object... nameThenContent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            if (i > 0) {
                out.write('\n');
            }
            out.writeBytes(MARK);
            out.writeBytes(((String) nameThenContent[i]).getBytes(StandardCharsets.US_ASCII));
            out.write('\n');
            Object content = nameThenContent[i + 1];
            out.writeBytes(content instanceof byte[] b ? b : content.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String safe(String raw) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length() && sb.length() < 40; i++) {
            char c = raw.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                    || c == '-') {
                sb.append(c);
            }
        }
        String s = sb.toString();
        return s.equals(".") || s.equals("..") ? "" : s;
    }
}
