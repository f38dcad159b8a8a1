package scar.kernel;

import java.util.List;
import java.util.Objects;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMETypeParseException;

/**
 * The notebook functions every cell has ({@code import static scar.kernel.Notebook.*} is part of the kernel's
 * start-up), with the names and behaviour of IJava's, so that a notebook written for IJava runs unchanged:
 *
 * <pre>{@code
 * String id = display("<b>Countdown:</b> 3", "text/html");   // shows it now, returns its display id
 * updateDisplay(id, "<b>Countdown:</b> 2", "text/html");     // replaces what that display shows
 * render(md, "text/markdown")                                // the cell's value, as markdown
 * List<String> jars = lineMagic("jars", List.of("lib/*.jar"));
 * }</pre>
 *
 * <p>A {@link DisplayData} passed to {@code display} or {@code render} is shown as it is (its bundle of MIME types
 * passes through). Text printed before a {@code display} appears before it. Any thread displays in the running cell,
 * or, while no cell runs, in the cell that ran last, as its printed text; a task made by {@link #inThisCell} shows
 * both in the cell that made it.
 */
public final class Notebook {

    private Notebook() {
    }

    /** Shows {@code value} in the cell, rendered as its preferred types; returns the display id. */
    public static String display(Object value) {
        return kernel().displayWithId(render(value));
    }

    /** Shows {@code value} rendered as the given MIME types (those it supports); returns the display id. */
    public static String display(Object value, String... mimeTypes) {
        return kernel().displayWithId(render(value, mimeTypes));
    }

    /**
     * {@code value} rendered as its preferred types, without showing it; a {@link DisplayData} is returned as is, and
     * null is the text {@code null}, as {@code println} shows it.
     */
    public static DisplayData render(Object value) {
        if (value == null) {
            return new DisplayData("null");
        }
        return value instanceof DisplayData data ? data : kernel().getRenderer().render(value);
    }

    /** {@code value} rendered as the given MIME types, without showing it; a {@link DisplayData} is returned as is. */
    public static DisplayData render(Object value, String... mimeTypes) {
        if (value == null) {
            return new DisplayData("null");
        }
        return value instanceof DisplayData data ? data : kernel().getRenderer().renderAs(value, checked(mimeTypes));
    }

    /** The MIME types asked for, each checked, so that a wrong one is one line naming it, not the parser's trace. */
    private static String[] checked(String... mimeTypes) {
        if (mimeTypes == null) {
            throw new IllegalArgumentException("no MIME types given; expected some such as \"text/html\"");
        }
        for (String type : mimeTypes) {
            try {
                MIMEType.parse(Objects.requireNonNull(type));
            } catch (MIMETypeParseException | NullPointerException e) {
                throw new IllegalArgumentException((type == null ? "null" : "'" + type + "'")
                        + " is not a MIME type; expected type/subtype such as \"text/html\" or \"image/png\"");
            }
        }
        return mimeTypes;
    }

    /** Replaces what display {@code id} (from {@link #display(Object)}) shows with {@code value}. */
    public static void updateDisplay(String id, Object value) {
        kernel().updateDisplay(displayId(id), render(value));
    }

    /** Replaces what display {@code id} shows with {@code value} rendered as the given MIME types. */
    public static void updateDisplay(String id, Object value, String... mimeTypes) {
        kernel().updateDisplay(displayId(id), render(value, mimeTypes));
    }

    /** The id of the display to update; an update without one would be dropped by the notebook without a word. */
    private static String displayId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("updateDisplay needs the id that display(...) returned; got "
                    + (id == null ? "null" : "'" + id + "'"));
        }
        return id;
    }

    /**
     * {@code task} made to show what it prints and displays in this cell, whichever thread runs it and whenever (a
     * pool's thread, after this cell ended, while another cell runs), where it would go to the running cell, or
     * between cells to the last one: {@code pool.submit(inThisCell(() -> ...))}. This cell's limits count it.
     */
    public static Runnable inThisCell(Runnable task) {
        return kernel().inThisCell(Objects.requireNonNull(task, "inThisCell needs a task"));
    }

    /** Runs the line magic {@code %name args...} and returns its value ({@code %jars} returns the jars it added). */
    @SuppressWarnings("unchecked")
    public static <T> T lineMagic(String name, List<String> args) {
        return (T) kernel().lineMagic(name, args);
    }

    /** Runs the cell magic {@code %%name args...} with {@code body} and returns its value. */
    @SuppressWarnings("unchecked")
    public static <T> T cellMagic(String name, List<String> args, String body) {
        return (T) kernel().cellMagic(name, args, body);
    }

    private static ScarKernel kernel() {
        if (BaseKernel.notebookKernel() instanceof ScarKernel kernel) {
            return kernel;
        }
        throw new IllegalStateException("these notebook functions need the SCAR kernel; another kernel is running");
    }
}
