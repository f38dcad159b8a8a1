package scar.kernel;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link ExitGuard} reads of a class file (JVMS §4): its constant pool, where each method's code lies, and the
 * instructions of that code (JVMS §6.5). Entry {@code i} of the pool has its tag, its text (Utf8), its first and
 * second operand (the two indices of a reference or a NameAndType; the kind and the reference of a MethodHandle; the
 * index of a Class) and its offset in the file.
 */
final class ClassFile {

    final byte[] bytes;
    final int count;
    final int[] tags;
    final String[] utf8;
    final int[] first;
    final int[] second;
    final int[] offsets;
    /** The offset of the first byte after the constant pool. */
    final int poolEnd;

    private ClassFile(byte[] bytes, int count) {
        this.bytes = bytes;
        this.count = count;
        this.tags = new int[count];
        this.utf8 = new String[count];
        this.first = new int[count];
        this.second = new int[count];
        this.offsets = new int[count];
        this.poolEnd = readPool();
    }

    /** The class file's constant pool, or null if it has an entry this reader does not know. */
    static ClassFile read(byte[] bytes) {
        ClassFile file = new ClassFile(bytes, ByteBuffer.wrap(bytes).getShort(8) & 0xffff);
        return file.poolEnd < 0 ? null : file;
    }

    private int readPool() {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 10, bytes.length - 10));
            for (int i = 1; i < count; i++) {
                offsets[i] = bytes.length - in.available();
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
                        first[i] = in.readUnsignedByte();
                        second[i] = in.readUnsignedShort();
                    }
                    default -> {
                        return -1;
                    }
                }
            }
            return bytes.length - in.available();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a class file of a cell", e);
        }
    }

    /** Where the code of each method lies: {start, end} offsets in the file, method by method. */
    List<int[]> code() {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.position(poolEnd + 6); // access flags, this class, super class
        int interfaces = Short.toUnsignedInt(b.getShort());
        b.position(b.position() + 2 * interfaces);
        List<int[]> code = new ArrayList<>();
        members(b, null); // fields
        members(b, code); // methods
        return code;
    }

    /** Reads a count of fields or methods and their attributes, adding where their code lies to {@code code}. */
    private void members(ByteBuffer b, List<int[]> code) {
        int members = Short.toUnsignedInt(b.getShort());
        for (int m = 0; m < members; m++) {
            b.position(b.position() + 6); // access flags, name, descriptor
            int attributes = Short.toUnsignedInt(b.getShort());
            for (int a = 0; a < attributes; a++) {
                String name = utf8[Short.toUnsignedInt(b.getShort())];
                int length = b.getInt();
                int body = b.position();
                if (code != null && "Code".equals(name)) {
                    int start = body + 8; // max stack, max locals, code length
                    code.add(new int[] {start, start + b.getInt(body + 4)});
                }
                b.position(body + length);
            }
        }
    }

    /**
     * The offsets of the instructions in the code from {@code start} to {@code end}, in order; null if it holds a
     * byte that is no instruction a class file can hold.
     */
    int[] instructions(int start, int end) {
        int[] at = new int[16];
        int n = 0;
        for (int pc = start; pc < end; n++) {
            if (n == at.length) {
                at = Arrays.copyOf(at, 2 * n);
            }
            at[n] = pc;
            int length = instructionLength(start, pc);
            if (length == 0) {
                return null;
            }
            pc += length;
        }
        return Arrays.copyOf(at, n);
    }

    /** The length of the instruction at {@code pc} in code that starts at {@code start}, or 0 for no opcode. */
    private int instructionLength(int start, int pc) {
        int op = bytes[pc] & 0xff;
        if (op == 0xaa || op == 0xab) { // tableswitch, lookupswitch: padded to 4 bytes from the code's start
            ByteBuffer b = ByteBuffer.wrap(bytes);
            int at = pc + 1 + (3 - (pc - start) % 4) + 4; // after the padding and the default offset
            return op == 0xaa ? at + 8 + 4 * (b.getInt(at + 4) - b.getInt(at) + 1) - pc // low, high, the offsets
                    : at + 4 + 8 * b.getInt(at) - pc; // the pairs' count, the pairs
        }
        if (op == 0xc4) { // wide: iinc with a 2-byte increment, or a load/store/ret with a 2-byte index
            return (bytes[pc + 1] & 0xff) == 0x84 ? 6 : 4;
        }
        if (op == 0x10 || op == 0x12 || (op >= 0x15 && op <= 0x19) || (op >= 0x36 && op <= 0x3a) || op == 0xa9
                || op == 0xbc) {
            return 2; // bipush, ldc, loads and stores with an index, ret, newarray
        }
        if (op == 0x11 || op == 0x13 || op == 0x14 || op == 0x84 || (op >= 0x99 && op <= 0xa8)
                || (op >= 0xb2 && op <= 0xb8) || op == 0xbb || op == 0xbd || op == 0xc0 || op == 0xc1
                || op == 0xc6 || op == 0xc7) {
            return 3; // sipush, ldc_w, iinc, branches, fields, invocations, new, anewarray, casts, ifnull
        }
        if (op == 0xc5) {
            return 4; // multianewarray
        }
        if (op == 0xb9 || op == 0xba || op == 0xc8 || op == 0xc9) {
            return 5; // invokeinterface, invokedynamic, goto_w, jsr_w
        }
        return op <= 0xc3 ? 1 : 0;
    }
}
