package scar.kernel;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps a cell from ending the kernel: every class a cell defines is loaded with its calls of
 * {@code System.exit(int)}, {@code Runtime.exit(int)} and {@code Runtime.halt(int)} (and method references to them,
 * {@code System::exit}, {@code Runtime.getRuntime()::halt}) pointing at this class instead, whose methods throw an
 * {@link ExitRefusedException}; the kernel keeps running with its variables.
 *
 * <p>No instruction moves, so the rewrite is safe for any class file. {@code System.exit} keeps its instructions:
 * the class of its method reference becomes this class, which has a static {@link #exit(int)} of the same
 * descriptor. {@code Runtime.exit} and {@code halt} are instance methods, so their {@code invokevirtual}
 * instructions become {@code invokestatic} of {@link #exit(Runtime, int)} and {@link #halt(Runtime, int)}: the same
 * length and the same operands on the stack (the receiver, then the status), so the stack map frames still hold;
 * method handles to them (method references) become the same static methods. New constant-pool entries are
 * appended. It works on every Java version, unlike a security manager (deprecated with a warning on Java 17, removed
 * in Java 24). Not refused: code in jars that exits by itself, and calls a cell makes through reflection or a method
 * handle it looks up at run time.
 */
public final class ExitGuard {

    private static final String SYSTEM = "java/lang/System";
    private static final String RUNTIME = "java/lang/Runtime";
    private static final String SELF = ExitGuard.class.getName().replace('.', '/');
    /** The descriptor of {@link #exit(Runtime, int)} and {@link #halt(Runtime, int)}. */
    private static final String ON_RUNTIME = "(L" + RUNTIME + ";I)V";

    private static final int UTF8 = 1;
    private static final int CLASS = 7;
    private static final int METHODREF = 10;
    private static final int NAME_AND_TYPE = 12;
    private static final int METHOD_HANDLE = 15;
    private static final int REF_INVOKE_VIRTUAL = 5;
    private static final int REF_INVOKE_STATIC = 6;
    private static final int INVOKEVIRTUAL = 0xb6;
    private static final int INVOKESTATIC = 0xb8;

    private ExitGuard() {
    }

    /**
     * What {@code System.exit(status)} in a cell calls.
     *
     * @throws ExitRefusedException always
     */
    public static void exit(int status) {
        throw new ExitRefusedException("System.exit", status);
    }

    /**
     * What {@code runtime.exit(status)} in a cell calls.
     *
     * @throws ExitRefusedException always
     */
    public static void exit(Runtime runtime, int status) {
        throw new ExitRefusedException("Runtime.exit", status);
    }

    /**
     * What {@code runtime.halt(status)} in a cell calls.
     *
     * @throws ExitRefusedException always
     */
    public static void halt(Runtime runtime, int status) {
        throw new ExitRefusedException("Runtime.halt", status);
    }

    /** The class file with its exits sent to this class; the same array if it has none. */
    static byte[] rewrite(byte[] classFile) {
        ClassFile file = ClassFile.read(classFile);
        if (file == null) {
            return classFile; // a constant pool this rewrite does not know: leave the class alone
        }
        try {
            byte[] patched = classFile.clone();
            Appended pool = new Appended(file.count);
            Map<Integer, Integer> runtimeCalls = new HashMap<>(); // Runtime.exit/halt Methodref -> ours
            int[] tags = file.tags;
            int[] first = file.first;
            int[] second = file.second;
            for (int i = 1; i < file.count; i++) {
                if (tags[i] != METHODREF || tags[first[i]] != CLASS || tags[second[i]] != NAME_AND_TYPE
                        || !"(I)V".equals(file.utf8[second[second[i]]])) {
                    continue;
                }
                String owner = file.utf8[first[first[i]]];
                int name = first[second[i]];
                String method = file.utf8[name];
                if (SYSTEM.equals(owner) && "exit".equals(method)) {
                    putShort(patched, file.offsets[i] + 1, pool.self()); // the Methodref's class_index
                } else if (RUNTIME.equals(owner) && ("exit".equals(method) || "halt".equals(method))) {
                    runtimeCalls.put(i, pool.staticOnRuntime(name));
                }
            }
            if (pool.isEmpty() || pool.count() > 0xffff) {
                return classFile; // nothing to refuse, or (never for a cell) no room in the constant pool
            }
            for (int i = 1; i < file.count; i++) {
                Integer ours = tags[i] == METHOD_HANDLE && first[i] == REF_INVOKE_VIRTUAL
                        ? runtimeCalls.get(second[i]) : null;
                if (ours != null) {
                    patched[file.offsets[i] + 1] = REF_INVOKE_STATIC;
                    putShort(patched, file.offsets[i] + 2, ours);
                }
            }
            if (!runtimeCalls.isEmpty() && !redirectCalls(file, patched, runtimeCalls)) {
                return classFile;
            }

            ByteArrayOutputStream bytes = new ByteArrayOutputStream(classFile.length + 128);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(patched, 0, 8);
            out.writeShort(pool.count());
            out.write(patched, 10, file.poolEnd - 10);
            out.write(pool.entries());
            out.write(patched, file.poolEnd, patched.length - file.poolEnd);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite a class file of a cell", e);
        }
    }

    /**
     * Turns every {@code invokevirtual} of a key of {@code calls} in the methods' code into {@code invokestatic} of
     * its value, in {@code patched}. False if the code holds a byte that is no instruction (the class is then left
     * alone, as with a constant pool this rewrite does not know).
     */
    private static boolean redirectCalls(ClassFile file, byte[] patched, Map<Integer, Integer> calls) {
        for (int[] code : file.code()) {
            int[] instructions = file.instructions(code[0], code[1]);
            if (instructions == null) {
                return false;
            }
            for (int pc : instructions) {
                Integer ours = (file.bytes[pc] & 0xff) == INVOKEVIRTUAL
                        ? calls.get(((file.bytes[pc + 1] & 0xff) << 8) | (file.bytes[pc + 2] & 0xff)) : null;
                if (ours != null) {
                    patched[pc] = (byte) INVOKESTATIC;
                    putShort(patched, pc + 1, ours);
                }
            }
        }
        return true;
    }

    private static void putShort(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 8);
        bytes[at + 1] = (byte) value;
    }

    /** Constant-pool entries appended after the class's own, made on first use. */
    private static final class Appended {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);
        private final int first;
        private int next;
        private int self;
        private int onRuntime;

        Appended(int count) {
            this.first = count;
            this.next = count;
        }

        /** The Class entry of this class. */
        int self() throws IOException {
            if (self == 0) {
                int name = utf8(SELF);
                out.writeByte(CLASS);
                out.writeShort(name);
                self = next++;
            }
            return self;
        }

        /** A Methodref of this class's static method named by {@code name} (a Utf8 entry), taking a Runtime. */
        int staticOnRuntime(int name) throws IOException {
            int owner = self();
            if (onRuntime == 0) {
                onRuntime = utf8(ON_RUNTIME);
            }
            out.writeByte(NAME_AND_TYPE);
            out.writeShort(name);
            out.writeShort(onRuntime);
            int nameAndType = next++;
            out.writeByte(METHODREF);
            out.writeShort(owner);
            out.writeShort(nameAndType);
            return next++;
        }

        private int utf8(String s) throws IOException {
            out.writeByte(UTF8);
            out.writeUTF(s);
            return next++;
        }

        boolean isEmpty() {
            return next == first;
        }

        int count() {
            return next;
        }

        byte[] entries() throws IOException {
            out.flush();
            return bytes.toByteArray();
        }
    }

    /** What a cell gets for calling {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt}. */
    public static final class ExitRefusedException extends SecurityException {
        private static final long serialVersionUID = 1L;

        ExitRefusedException(String call, int status) {
            super(call + "(" + status + ") is refused in a notebook: it would end the kernel and lose every "
                    + "variable. The kernel is still running; to start afresh, restart it (Kernel > Restart).");
        }
    }
}
