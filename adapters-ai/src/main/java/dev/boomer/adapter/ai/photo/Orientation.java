package dev.boomer.adapter.ai.photo;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** EXIF orientation (1..8), read with metadata-extractor and applied to the pixels. */
final class Orientation {

    private Orientation() {
    }

    static int of(byte[] bytes) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                int value = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                return value >= 1 && value <= 8 ? value : 1;
            }
        } catch (ImageProcessingException | IOException | MetadataException | RuntimeException unreadable) {
            // No usable EXIF: the pixels are taken as they are.
        }
        return 1;
    }

    /** The image as a person would see it upright (EXIF orientations 2..8 mirror and/or rotate). */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swaps = orientation >= 5;
        BufferedImage upright = new BufferedImage(swaps ? h : w, swaps ? w : h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                switch (orientation) {
                    case 2 -> upright.setRGB(w - 1 - x, y, row[x]);
                    case 3 -> upright.setRGB(w - 1 - x, h - 1 - y, row[x]);
                    case 4 -> upright.setRGB(x, h - 1 - y, row[x]);
                    case 5 -> upright.setRGB(y, x, row[x]);
                    case 6 -> upright.setRGB(h - 1 - y, x, row[x]);
                    case 7 -> upright.setRGB(h - 1 - y, w - 1 - x, row[x]);
                    default -> upright.setRGB(y, w - 1 - x, row[x]);
                }
            }
        }
        return upright;
    }
}
