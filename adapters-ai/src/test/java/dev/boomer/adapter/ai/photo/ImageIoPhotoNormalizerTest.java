package dev.boomer.adapter.ai.photo;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import dev.boomer.domain.photo.NormalizedPhoto;
import dev.boomer.domain.photo.PhotoCheck;
import dev.boomer.domain.photo.PhotoLimits;
import dev.boomer.domain.photo.PhotoRejection.Reason;
import dev.boomer.domain.photo.RawPhoto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ImageIoPhotoNormalizerTest {

    private final ImageIoPhotoNormalizer normalizer = new ImageIoPhotoNormalizer(limits(1_000_000, 4_000_000));

    @Test
    void exifOrientationIsAppliedAndAllMetadataIncludingGpsIsRemoved() throws Exception {
        byte[] tagged = withExif(jpeg(40, 20, 0xFF0000), 6);
        Metadata before = ImageMetadataReader.readMetadata(new ByteArrayInputStream(tagged));
        assertThat(before.getFirstDirectoryOfType(GpsDirectory.class)).as("the input carries GPS").isNotNull();

        NormalizedPhoto out = accepted(normalizer.normalize(raw(tagged)));

        assertThat(out.photo().width()).isEqualTo(20);
        assertThat(out.photo().height()).isEqualTo(40);
        // orientation 6 means "rotate 90 degrees clockwise": the red left half ends up on top
        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(out.bytes()));
        assertThat((upright.getRGB(10, 5) >> 16) & 0xFF).as("red on top").isGreaterThan(200);
        assertThat((upright.getRGB(10, 35) >> 8) & 0xFF).as("green below").isGreaterThan(200);
        Metadata after = ImageMetadataReader.readMetadata(new ByteArrayInputStream(out.bytes()));
        assertThat(after.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(after.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
    }

    @Test
    void largePhotosAreDownscaledToTheLongEdgeAndSmallOnesAreNotUpscaled() throws IOException {
        NormalizedPhoto big = accepted(normalizer.normalize(raw(jpeg(2000, 1500, 0x3366AA))));
        assertThat(big.photo().width()).isEqualTo(1568);
        assertThat(big.photo().height()).isEqualTo(1176);
        assertThat(big.photo().mediaType()).isEqualTo("image/jpeg");

        NormalizedPhoto small = accepted(normalizer.normalize(raw(jpeg(300, 200, 0x3366AA))));
        assertThat(small.photo().width()).isEqualTo(300);
    }

    @Test
    void normalizingTwiceKeepsTheSize() throws IOException {
        NormalizedPhoto once = accepted(normalizer.normalize(raw(jpeg(2000, 1000, 0x118844))));
        NormalizedPhoto twice = accepted(normalizer.normalize(raw(once.bytes())));
        assertThat(twice.photo().width()).isEqualTo(once.photo().width());
        assertThat(twice.photo().height()).isEqualTo(once.photo().height());
    }

    @Test
    void aPngWithTransparencyIsFlattenedOnWhite() throws IOException {
        BufferedImage transparent = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(transparent, "png", png);

        NormalizedPhoto out = accepted(normalizer.normalize(raw(png.toByteArray())));

        int rgb = ImageIO.read(new ByteArrayInputStream(out.bytes())).getRGB(5, 5) & 0xFFFFFF;
        assertThat((rgb >> 16) & 0xFF).isGreaterThan(245);
    }

    @Test
    void eachKindOfBadFileIsRefusedWithItsReason() throws IOException {
        byte[] jpeg = jpeg(400, 300, 0x884422);
        assertThat(reason(new byte[0])).isEqualTo(Reason.EMPTY_FILE);
        assertThat(reason("GIF89a not supported".getBytes())).isEqualTo(Reason.UNSUPPORTED_TYPE);
        assertThat(reason(Arrays.copyOf(jpeg, jpeg.length / 2))).isEqualTo(Reason.CORRUPT);
        assertThat(reason(jpeg(3000, 2000, 0))).isEqualTo(Reason.TOO_MANY_PIXELS);
        assertThat(new ImageIoPhotoNormalizer(limits(2048, 4_000_000)).normalize(raw(jpeg)))
                .isInstanceOfSatisfying(PhotoCheck.Rejected.class,
                        r -> assertThat(r.rejection().reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @Test
    void aTruncatedJpegWithAnEndMarkerIsRefusedByTheFullDecode() throws IOException {
        byte[] truncated = HostileImages.truncatedWithEndMarker(jpeg(800, 600, 0x884422));

        PhotoCheck check = normalizer.normalize(raw(truncated));

        assertThat(check).isInstanceOfSatisfying(PhotoCheck.Rejected.class, r -> {
            assertThat(r.rejection().reason()).isEqualTo(Reason.CORRUPT);
            assertThat(r.rejection().message()).contains("damaged");
        });
    }

    @Test
    void anImageThatWouldDecodeTooLargeIsRefusedFromItsHeader() {
        // 7,745 x 7,745 is under the pixel limit, but 8 bytes a pixel decode to 458 MiB
        ImageIoPhotoNormalizer defaults = new ImageIoPhotoNormalizer(PhotoLimits.DEFAULTS);
        byte[] bomb = HostileImages.pngHeaderOf16BitRgba(7745, 7745);

        PhotoCheck check = defaults.normalize(raw(bomb));

        assertThat(check).isInstanceOfSatisfying(PhotoCheck.Rejected.class, r -> {
            assertThat(r.rejection().reason()).isEqualTo(Reason.TOO_MANY_DECODED_BYTES);
            assertThat(r.rejection().message()).contains("7745 x 7745", "8 bytes");
        });
    }

    @Test
    void aDecodePastItsTimeIsStoppedAndRefused() throws IOException {
        PhotoLimits quick = new PhotoLimits(20_000_000, 60_000_000, 256L << 20, Duration.ofMillis(1), 1568);
        ImageIoPhotoNormalizer hurried = new ImageIoPhotoNormalizer(quick);
        byte[] large = jpeg(4000, 3000, 0x336699);

        assertThat(hurried.normalize(raw(large))).isInstanceOfSatisfying(PhotoCheck.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(Reason.DECODE_TIMEOUT));
        assertThat(normalizer.normalize(raw(jpeg(400, 300, 0x336699)))).isInstanceOf(PhotoCheck.Accepted.class);
    }

    @Test
    void jpegsAreDecodedByTheReaderThatKnowsCmykAndYcck() throws IOException {
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg(8, 8, 0)))) {
            assertThat(ImageIO.getImageReaders(input).next().getClass().getName()).startsWith("com.twelvemonkeys.");
        }
    }

    @ParameterizedTest(name = "YCCK: {0}")
    @ValueSource(booleans = {false, true})
    void cmykAndYcckJpegsKeepTheirColours(boolean ycck) throws IOException {
        int[] ink = {55, 155, 25, 75}; // a muted purple with some black: the black is what washes out
        byte[] print = HostileImages.adobeJpeg(ink, ycck);

        NormalizedPhoto out = accepted(normalizer.normalize(raw(print)));

        int rgb = ImageIO.read(new ByteArrayInputStream(out.bytes())).getRGB(32, 32);
        int expected = HostileImages.expectedRgb(ink);
        for (int shift : new int[]{16, 8, 0}) {
            assertThat((rgb >> shift) & 0xFF).as("channel at bit %d of %06x, expected %06x", shift, rgb & 0xFFFFFF,
                    expected).isCloseTo((expected >> shift) & 0xFF, within(12));
        }
    }

    @Test
    void aLieAboutTheTypeIsNamedInTheMessage() {
        PhotoCheck check = normalizer.normalize(new RawPhoto("x.jpg", Optional.of("image/jpeg"), "<html>".getBytes()));
        assertThat(check).isInstanceOfSatisfying(PhotoCheck.Rejected.class,
                r -> assertThat(r.rejection().message()).contains("image/jpeg").contains("not a JPEG, PNG or WebP"));
    }

    private static PhotoLimits limits(long maxBytes, long maxPixels) {
        return new PhotoLimits(maxBytes, maxPixels, 256L << 20, Duration.ofSeconds(10), 1568);
    }

    private Reason reason(byte[] bytes) {
        return ((PhotoCheck.Rejected) normalizer.normalize(raw(bytes))).rejection().reason();
    }

    private static NormalizedPhoto accepted(PhotoCheck check) {
        assertThat(check).isInstanceOf(PhotoCheck.Accepted.class);
        return ((PhotoCheck.Accepted) check).photo();
    }

    private static RawPhoto raw(byte[] bytes) {
        return new RawPhoto("photo", Optional.empty(), bytes);
    }

    static byte[] jpeg(int width, int height, int rgb) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, x < width / 2 ? rgb : 0x00FF00);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /** Inserts an EXIF APP1 segment with an orientation and a GPS latitude reference after the SOI marker. */
    static byte[] withExif(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 30 + 18).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        tiff.putInt(0);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putInt(0);
        byte[] exif = tiff.array();
        ByteBuffer app1 = ByteBuffer.allocate(4 + 6 + exif.length).order(ByteOrder.BIG_ENDIAN);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + exif.length));
        app1.put("Exif".getBytes()).put((byte) 0).put((byte) 0).put(exif);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(app1.array());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
