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

import jakarta.annotation.PreDestroy;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validates untrusted bytes and turns them into a stored photo: type by magic bytes, size, pixel and
 * decoded-size limits before decoding, a full decode in which any decoder warning means a damaged file
 * (a truncated JPEG decodes "successfully" to grey), on a bounded pool with a time limit per photo; then
 * EXIF orientation applied, everything else (EXIF, GPS, ICC, comments) dropped by re-encoding the pixels as
 * a plain JPEG, downscaled to the configured long edge. CMYK and YCCK JPEGs are decoded by TwelveMonkeys'
 * reader, which the JDK's would wash out.
 */
@Singleton
class ImageIoPhotoNormalizer implements PhotoNormalizer, AutoCloseable {

    static final String STORED_TYPE = "image/jpeg";

    /* Warnings about metadata (a broken EXIF block, an ICC profile the reader skips) do not touch the pixels. */
    private static final Pattern METADATA_WARNING = Pattern.compile("(?i).*(icc|profile|metadata|exif|xmp|app\\d+).*");

    private final PhotoLimits limits;
    private final DecodePool pool;

    @Inject
    ImageIoPhotoNormalizer(PhotoLimitsConfig config) {
        this(config.toLimits(), new DecodePool(config.threads()));
    }

    ImageIoPhotoNormalizer(PhotoLimits limits) {
        this(limits, new DecodePool(Runtime.getRuntime().availableProcessors()));
    }

    ImageIoPhotoNormalizer(PhotoLimits limits, DecodePool pool) {
        this.limits = limits;
        this.pool = pool;
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
        return pool.run(() -> decode(raw, format.get()));
    }

    private PhotoCheck decode(RawPhoto raw, ImageFormat format) {
        byte[] bytes = raw.bytes();
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(format);
            try {
                reader.setInput(input, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > limits.maxPixels()) {
                    return rejected(Reason.TOO_MANY_PIXELS, raw, width + " x " + height + " pixels is more than the"
                            + " limit of " + limits.maxPixels() + " pixels");
                }
                long decodedBytes = width * height * bytesPerPixel(reader);
                if (decodedBytes > limits.maxDecodedBytes()) {
                    return rejected(Reason.TOO_MANY_DECODED_BYTES, raw, width + " x " + height + " pixels of "
                            + bytesPerPixel(reader) + " bytes decode to " + megabytes(decodedBytes)
                            + ", more than the limit of " + megabytes(limits.maxDecodedBytes()));
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage decoded;
                try (DecodePool.Watch watch = pool.watch(reader, limits.decodeTimeout())) {
                    decoded = reader.read(0);
                    if (watch.expired()) {
                        return rejected(Reason.DECODE_TIMEOUT, raw, "decoding took longer than the limit of "
                                + limits.decodeTimeout().toSeconds() + " s");
                    }
                }
                Optional<String> damage = warnings.stream().filter(w -> !METADATA_WARNING.matcher(w).matches())
                        .findFirst();
                if (damage.isPresent()) {
                    return rejected(Reason.CORRUPT, raw, "the " + format + " image is damaged: " + damage.get());
                }
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
            return rejected(Reason.CORRUPT, raw, "the " + format + " image cannot be decoded: "
                    + Optional.ofNullable(undecodable.getMessage()).orElse(undecodable.getClass().getSimpleName()));
        }
    }

    @Override
    @PreDestroy
    public void close() {
        pool.close();
    }

    private static ImageReader readerFor(ImageFormat format) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase(Locale.ROOT));
        if (!readers.hasNext()) {
            throw new IOException("no decoder for " + format + " is installed");
        }
        return readers.next();
    }

    /** What one pixel takes once decoded, from the type the reader will decode to (read from the header). */
    private static long bytesPerPixel(ImageReader reader) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            type = types.hasNext() ? types.next() : null;
        }
        if (type == null) {
            return 4;
        }
        SampleModel samples = type.getSampleModel(1, 1);
        return Math.max(1, (long) DataBuffer.getDataTypeSize(samples.getTransferType()) * samples.getNumDataElements() / 8);
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
