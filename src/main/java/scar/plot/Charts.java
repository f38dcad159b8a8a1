package scar.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Saving and encoding of charts, never in a window. Every method accepts either an XChart chart (any
 * {@code org.knowm.xchart} chart type) or a {@link ChartGrid}; anything else is an {@link IllegalArgumentException}
 * naming the type received. Parent folders of the target path are created. Write failures are
 * {@link UncheckedIOException}s naming the path.
 */
public final class Charts {

    private Charts() {}

    /**
     * Saves a chart (or a grid of charts) as PNG or SVG, chosen by the file name's extension.
     *
     * @throws IllegalArgumentException if the name ends in neither {@code .png} nor {@code .svg}
     */
    public static Path save(Object chart, Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".svg")) {
            return svg(chart, file);
        }
        if (name.endsWith(".png")) {
            return png(chart, file);
        }
        throw new IllegalArgumentException("cannot tell the image format of '" + file + "': expected a name ending in "
                + ".png or .svg");
    }

    /** Writes {@code chart} as a PNG file at {@code path} (the name is used as given; no extension is added). */
    public static Path png(Object chart, Path path) {
        byte[] bytes = pngBytes(chart);
        return write(path, out -> out.write(bytes));
    }

    /** Writes {@code chart} as an SVG file at {@code path} (vector text and shapes; the name is used as given). */
    public static Path svg(Object chart, Path path) {
        byte[] bytes = svgBytes(chart);
        return write(path, out -> out.write(bytes));
    }

    /** The PNG encoding of {@code chart}, at the chart's own pixel size. */
    public static byte[] pngBytes(Object chart) {
        BufferedImage image = image(chart);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer is registered with ImageIO");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a chart as PNG", e);
        }
        return out.toByteArray();
    }

    /** The SVG document of {@code chart} as UTF-8 bytes. */
    public static byte[] svgBytes(Object chart) {
        Figure figure = figure(chart);
        VectorGraphics2D g = new VectorGraphics2D();
        figure.paint(g);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new SVGProcessor()
                    .getDocument(g.getCommands(), new PageSize(0, 0, figure.width(), figure.height()))
                    .writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a chart as SVG", e);
        }
        return out.toByteArray();
    }

    /** {@code chart} painted on a white RGB image of its own size. */
    public static BufferedImage image(Object chart) {
        Figure figure = figure(chart);
        BufferedImage image = new BufferedImage(figure.width(), figure.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Theme.BACKGROUND);
            g.fillRect(0, 0, figure.width(), figure.height());
            figure.paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Something with a pixel size that paints itself on a Graphics2D whose origin is its top-left corner. */
    interface Figure {
        int width();

        int height();

        void paint(Graphics2D g);
    }

    static Figure figure(Object chart) {
        Objects.requireNonNull(chart, "chart");
        if (chart instanceof ChartGrid grid) {
            return grid.figure();
        }
        if (chart instanceof Chart<?, ?> xchart) {
            return of(xchart);
        }
        throw new IllegalArgumentException("cannot draw a " + chart.getClass().getName()
                + "; expected an org.knowm.xchart chart or a scar.plot.ChartGrid");
    }

    static Figure of(Chart<?, ?> chart) {
        return new Figure() {
            @Override
            public int width() {
                return chart.getWidth();
            }

            @Override
            public int height() {
                return chart.getHeight();
            }

            @Override
            public void paint(Graphics2D g) {
                chart.paint(g, chart.getWidth(), chart.getHeight());
            }
        };
    }

    private interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private static Path write(Path path, Writer writer) {
        Objects.requireNonNull(path, "path");
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = Files.newOutputStream(path)) {
                writer.writeTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write chart to " + path.toAbsolutePath(), e);
        }
        return path;
    }
}
