package dev.boomer.adapter.ai.photo;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/** Images a probe sends: truncated files, decompression bombs, print-shop CMYK and YCCK JPEGs. */
final class HostileImages {

    private HostileImages() {
    }

    /** The first half of a JPEG with an end marker after it: it looks complete but its lower half is missing. */
    static byte[] truncatedWithEndMarker(byte[] jpeg) {
        byte[] half = Arrays.copyOf(jpeg, jpeg.length / 2 + 2);
        half[half.length - 2] = (byte) 0xFF;
        half[half.length - 1] = (byte) 0xD9;
        return half;
    }

    /**
     * A PNG header of {@code width x height} 16-bit RGBA pixels (8 bytes each once decoded) with a token
     * image data chunk: enough for a reader to report its size and type, which is all the limits look at.
     */
    static byte[] pngHeaderOf16BitRgba(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 16).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", header.array());
        chunk(png, "IDAT", new byte[]{0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /**
     * A flat patch of one CMYK colour as a print workflow writes it: Adobe APP14 marker, inverted samples
     * (255 = no ink), either stored as CMYK or colour-transformed to YCCK.
     *
     * @param ink C, M, Y, K from 0 (none) to 255 (full)
     */
    static byte[] adobeJpeg(int[] ink, boolean ycck) {
        int[] stored = {255 - ink[0], 255 - ink[1], 255 - ink[2], 255 - ink[3]};
        if (ycck) {
            // YCCK: the decoder turns YCbCr into RGB and takes 255 - RGB as the stored CMY.
            double r = ink[0];
            double g = ink[1];
            double b = ink[2];
            stored = new int[]{clamp(0.299 * r + 0.587 * g + 0.114 * b),
                    clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b),
                    clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b), stored[3]};
        }
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 64, 64, 4, null);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                raster.setPixel(x, y, stored);
            }
        }
        byte[] jpeg = writeRaster(raster);
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0,
                (byte) (ycck ? 2 : 0)};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(app14);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The sRGB colour of CMYK ink without a colour profile: each ink takes its share of the light. */
    static int expectedRgb(int[] ink) {
        int k = 255 - ink[3];
        int r = (255 - ink[0]) * k / 255;
        int g = (255 - ink[1]) * k / 255;
        int b = (255 - ink[2]) * k / 255;
        return r << 16 | g << 8 | b;
    }

    /** The JDK's own writer stores a four-channel raster as is, with no colour conversion and no APP14. */
    private static byte[] writeRaster(Raster raster) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        for (var writers = ImageIO.getImageWritersByFormatName("jpeg"); writers.hasNext(); ) {
            ImageWriter candidate = writers.next();
            if (candidate.getClass().getName().startsWith("com.sun.")) {
                writer = candidate;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.98f);
            writer.write(null, new IIOImage(raster, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(name);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
