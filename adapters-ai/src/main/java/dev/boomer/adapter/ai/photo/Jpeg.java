package dev.boomer.adapter.ai.photo;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Decoding, downscaling and encoding the plain JPEGs Boomer stores and sends. */
public final class Jpeg {

    private static final float JPEG_QUALITY = 0.88f;

    private Jpeg() {
    }

    /** Decodes a stored photo (always a JPEG Boomer wrote itself). */
    public static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalArgumentException("not a decodable image (" + bytes.length + " bytes)");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("decoding a stored photo failed", e);
        }
    }

    /** The size {@link #fitted} gives: long edge at most {@code maxLongEdge}, area at most {@code maxPixels}. */
    public static Dimension fittedSize(int width, int height, int maxLongEdge, long maxPixels) {
        double scale = Math.min(1.0, Math.min((double) maxLongEdge / Math.max(width, height),
                Math.sqrt((double) maxPixels / ((long) width * height))));
        if (scale >= 1.0) {
            return new Dimension(width, height);
        }
        return new Dimension(Math.max(1, (int) Math.floor(width * scale + 1e-9)),
                Math.max(1, (int) Math.floor(height * scale + 1e-9)));
    }

    public static BufferedImage fitted(BufferedImage image, int maxLongEdge, long maxPixels) {
        Dimension size = fittedSize(image.getWidth(), image.getHeight(), maxLongEdge, maxPixels);
        return size.width == image.getWidth() && size.height == image.getHeight() ? image
                : scaledTo(image, size.width, size.height);
    }

    /** Halving steps keep detail that one large bicubic step would alias away; never upscales. */
    public static BufferedImage downscaled(BufferedImage image, int maxLongEdge) {
        int longEdge = Math.max(image.getWidth(), image.getHeight());
        if (longEdge <= maxLongEdge) {
            return image;
        }
        double scale = (double) maxLongEdge / longEdge;
        int targetW = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int targetH = Math.max(1, (int) Math.round(image.getHeight() * scale));
        return scaledTo(image, targetW, targetH);
    }

    private static BufferedImage scaledTo(BufferedImage image, int targetW, int targetH) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
            current = resize(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return resize(current, targetW, targetH);
    }

    private static BufferedImage resize(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    /** Pixels only: writing without source metadata leaves no EXIF, GPS or comments behind. */
    public static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a JPEG in memory failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

}
