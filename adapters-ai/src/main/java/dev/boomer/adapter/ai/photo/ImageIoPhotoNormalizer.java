package dev.boomer.adapter.ai.photo;

import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.NormalizedPhoto;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.photo.PhotoCheck;
import dev.boomer.domain.photo.PhotoLimits;
import dev.boomer.domain.photo.PhotoNormalizer;
import dev.boomer.domain.photo.PhotoRejection;
import dev.boomer.domain.photo.PhotoRejection.Reason;
import dev.boomer.domain.photo.RawPhoto;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

/**
 * Validates untrusted bytes and turns them into a stored photo: type by magic bytes, size and pixel
 * limits before decoding, completeness, EXIF orientation applied, everything else (EXIF, GPS, ICC,
 * comments) dropped by re-encoding the pixels as a plain JPEG, downscaled to the configured long edge.
 */
@Singleton
class ImageIoPhotoNormalizer implements PhotoNormalizer {

    static final String STORED_TYPE = "image/jpeg";

    private final PhotoLimits limits;

    @Inject
    ImageIoPhotoNormalizer(PhotoLimitsConfig config) {
        this(config.toLimits());
    }

    ImageIoPhotoNormalizer(PhotoLimits limits) {
        this.limits = limits;
    }

    @Override
    public PhotoCheck normalize(RawPhoto raw) {
        byte[] bytes = raw.bytes();
        if (bytes.length == 0) {
            return rejected(Reason.EMPTY_FILE, raw, "the file is empty");
        }
        if (bytes.length > limits.maxBytes()) {
            return rejected(Reason.TOO_LARGE, raw, "the file has " + megabytes(bytes.length)
                    + ", more than the limit of " + megabytes(limits.maxBytes()));
        }
        Optional<ImageFormat> format = ImageFormat.sniff(bytes);
        if (format.isEmpty()) {
            String declared = raw.declaredType().filter(t -> !t.isBlank())
                    .map(t -> "it was sent as " + t + " but ").orElse("");
            return rejected(Reason.UNSUPPORTED_TYPE, raw,
                    declared + "the content is not a JPEG, PNG or WebP image");
        }
        if (!format.get().isComplete(bytes)) {
            return rejected(Reason.CORRUPT, raw, "the " + format.get() + " image is truncated or incomplete");
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(format.get(), input);
            try {
                reader.setInput(input, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > limits.maxPixels()) {
                    return rejected(Reason.TOO_MANY_PIXELS, raw, width + " x " + height + " pixels is more than the"
                            + " limit of " + limits.maxPixels() + " pixels");
                }
                BufferedImage decoded = reader.read(0);
                BufferedImage upright = Orientation.apply(flattened(decoded), Orientation.of(bytes));
                BufferedImage scaled = Jpeg.downscaled(upright, limits.maxLongEdge());
                byte[] stored = Jpeg.encode(scaled);
                Photo photo = new Photo(ContentHash.of(stored), STORED_TYPE, scaled.getWidth(), scaled.getHeight(),
                        stored.length);
                return new PhotoCheck.Accepted(new NormalizedPhoto(photo, stored));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException undecodable) {
            return rejected(Reason.CORRUPT, raw, "the " + format.get() + " image cannot be decoded: "
                    + Optional.ofNullable(undecodable.getMessage()).orElse(undecodable.getClass().getSimpleName()));
        }
    }

    private static ImageReader readerFor(ImageFormat format, ImageInputStream input) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase(Locale.ROOT));
        if (!readers.hasNext()) {
            throw new IOException("no decoder for " + format + " is installed");
        }
        return readers.next();
    }

    /** RGB on white: JPEG has no alpha, and a transparent product photo belongs on white. */
    private static BufferedImage flattened(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }

    private static PhotoCheck rejected(Reason reason, RawPhoto raw, String message) {
        return new PhotoCheck.Rejected(new PhotoRejection(reason, raw.name(), message));
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
