package scar.kernel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Keeps a cell from ending the kernel: every class a cell defines is loaded with its calls of
 * {@code System.exit(int)} (and {@code System::exit} method references) pointing at {@link #exit(int)} instead,
 * which throws an {@link ExitRefusedException}; the kernel keeps running with its variables.
 *
 * <p>The rewrite changes one constant-pool entry (the class of the {@code System.exit} method reference becomes
 * this class) and appends two entries; no instruction moves, so it is safe for any class file. It works on every
 * Java version, unlike a security manager (deprecated with a warning on Java 17, removed in Java 24). Code in jars
 * that calls {@code System.exit} itself, and {@code Runtime.exit}/{@code halt}, are not rewritten.
 */
public final class ExitGuard {

    private static final String SYSTEM = "java/lang/System";
    private static final String SELF = ExitGuard.class.getName().replace('.', '/');

    private ExitGuard() {
    }

    /**
     * What {@code System.exit(status)} in a cell calls.
     *
     * @throws ExitRefusedException always
     */
    public static void exit(int status) {
        throw new ExitRefusedException(status);
    }

    /** The class file with {@code System.exit} calls sent to {@link #exit(int)}; the same array if it has none. */
    static byte[] rewrite(byte[] classFile) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
            in.readInt(); // magic
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            int[] tags = new int[count];
            String[] utf8 = new String[count];
            int[] first = new int[count];
            int[] second = new int[count];
            int[] offsets = new int[count];
            int poolStart = 10;
            for (int i = 1; i < count; i++) {
                offsets[i] = classFile.length - in.available();
                int tag = in.readUnsignedByte();
                tags[i] = tag;
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort();
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    case 9, 10, 11, 12, 17, 18 -> {
                        first[i] = in.readUnsignedShort();
                        second[i] = in.readUnsignedShort();
                    }
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> {
                        return classFile; // a constant pool this rewrite does not know: leave the class alone
                    }
                }
            }
            int poolEnd = classFile.length - in.available();
            int target = -1;
            for (int i = 1; i < count; i++) {
                if (tags[i] == 10 && tags[first[i]] == 7 && SYSTEM.equals(utf8[first[first[i]]])
                        && tags[second[i]] == 12 && "exit".equals(utf8[first[second[i]]])
                        && "(I)V".equals(utf8[second[second[i]]])) {
                    target = i;
                }
            }
            if (target < 0) {
                return classFile;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(classFile.length + 64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(classFile, 0, 8);
            out.writeShort(count + 2);
            int classIndexAt = offsets[target] + 1; // the Methodref's class_index, right after its tag
            out.write(classFile, poolStart, classIndexAt - poolStart);
            out.writeShort(count + 1);
            out.write(classFile, classIndexAt + 2, poolEnd - classIndexAt - 2);
            out.writeByte(1);
            out.write(utf8Bytes(SELF));
            out.writeByte(7);
            out.writeShort(count);
            out.write(classFile, poolEnd, classFile.length - poolEnd);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a class file of a cell", e);
        }
    }

    private static byte[] utf8Bytes(String s) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        new DataOutputStream(b).writeUTF(s);
        return b.toByteArray();
    }

    /** What a cell gets for calling {@code System.exit}. */
    public static final class ExitRefusedException extends SecurityException {
        private static final long serialVersionUID = 1L;

        ExitRefusedException(int status) {
            super("System.exit(" + status + ") is refused in a notebook: it would end the kernel and lose every "
                    + "variable. The kernel is still running; to start afresh, restart it (Kernel > Restart).");
        }
    }
}
