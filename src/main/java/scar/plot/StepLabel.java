package scar.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * A small text label anchored at a point of the plot (in data coordinates) and set beside it — to its left or its
 * right — rather than centred on it, so that it names a marker without covering it; a label that would leave the plot
 * goes to the other side.
 */
final class StepLabel extends Annotation {

    static final Font FONT = new Font(Theme.FONT_FAMILY, Font.PLAIN, 10);
    private static final int GAP = 5;

    private final String text;
    private final double x;
    private final double y;
    private final boolean left;
    private final Color color;
    private final int gap;

    StepLabel(String text, double x, double y, boolean left, Color color) {
        this(text, x, y, left, color, GAP);
    }

    /** A label {@code gap} pixels beside its point (a bubble's radius and a margin, say). */
    StepLabel(String text, double x, double y, boolean left, Color color, int gap) {
        super(false);
        this.text = text;
        this.x = x;
        this.y = y;
        this.left = left;
        this.color = color;
        this.gap = gap;
    }

    /** The label's text. */
    String text() {
        return text;
    }

    /** Whether the label sits left of its point. */
    boolean left() {
        return left;
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible) {
            return;
        }
        Font oldFont = g.getFont();
        Color oldColor = g.getColor();
        g.setFont(FONT);
        g.setColor(color);
        FontMetrics fm = g.getFontMetrics();
        int width = fm.stringWidth(text);
        int sx = getXAxisScreenValue(x);
        int sy = getYAxisScreenValue(y);
        int tx = left ? sx - gap - width : sx + gap;
        // a label that would leave the plot goes to the other side of its point
        if (tx < getXAxisScreenValueForMin()) {
            tx = sx + gap;
        } else if (tx + width > getXAxisScreenValueForMax()) {
            tx = sx - gap - width;
        }
        int ty = sy + fm.getAscent() / 2 - 1;
        g.drawString(text, tx, ty);
        bounds = new Rectangle2D.Double(tx, ty - fm.getAscent(), width, fm.getHeight());
        g.setFont(oldFont);
        g.setColor(oldColor);
    }
}
