package scar.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Renders a chart to a real PNG file, reads it back and checks that it has the expected size and is not blank. */
final class Rendered {

    private Rendered() {}

    static BufferedImage png(Object chart, Path dir, String name, int width, int height) {
        Path file = Charts.png(chart, dir.resolve(name + ".png"));
        BufferedImage image;
        try {
            assertTrue(Files.size(file) > 1000, "PNG of " + name + " is only " + Files.size(file) + " bytes");
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertNotNull(image, name + ".png is not readable as an image");
        assertEquals(width, image.getWidth(), name + " width");
        assertEquals(height, image.getHeight(), name + " height");
        Set<Integer> colours = new HashSet<>();
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        double share = (double) ink / ((long) image.getWidth() * image.getHeight());
        assertTrue(colours.size() >= 20, name + " has only " + colours.size() + " distinct colours");
        assertTrue(share > 0.02, name + " is almost blank: " + share + " of pixels are not white");
        return image;
    }
}
