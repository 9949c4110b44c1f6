package dev.boomer.adapter.ai.photo;

import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.NormalizedPhoto;
import dev.boomer.domain.photo.PhotoCheck;
import dev.boomer.domain.photo.RawPhoto;
import dev.boomer.domain.vision.PhotoFindings;
import dev.boomer.domain.vision.PhotoProblem;
import dev.boomer.domain.vision.VisionImage;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.awt.image.RescaleOp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs on the committed sample photos, and on blurred and darkened copies of them. */
class LocalPhotoInspectorTest {

    private static final Path SAMPLES = Path.of("..", "samples", "photos");
    private final LocalPhotoInspector inspector = new LocalPhotoInspector();

    @Test
    void everySamplePhotoIsUsableAndNoTwoAreDuplicates() throws IOException {
        List<VisionImage> all;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            all = files.filter(p -> p.toString().endsWith(".jpg")).sorted().map(LocalPhotoInspectorTest::sample)
                    .toList();
        }
        PhotoFindings findings = inspector.inspect(all);
        assertThat(findings.problems()).isEmpty();
        assertThat(findings.duplicates()).isEmpty();
    }

    @Test
    void theBarcodeOnAPhotoBecomesTheGtin() {
        PhotoFindings findings = inspector.inspect(List.of(sample("book-2.jpg"), sample("book.jpg")));
        assertThat(findings.gtin()).contains("9780141036144");
        assertThat(inspector.inspect(List.of(sample("console.jpg"))).gtin()).contains("045496730994");
        assertThat(inspector.inspect(List.of(sample("camera.jpg"))).gtin()).contains("4960999123455");
        assertThat(inspector.inspect(List.of(sample("camera-2.jpg"))).gtin()).isEmpty();
    }

    @Test
    void aBlurredPhotoAndADarkPhotoAreNamedByTheirNumber() {
        VisionImage sharp = sample("camera.jpg");
        VisionImage blurred = image(blur(Jpeg.decode(sharp.bytes())));
        VisionImage dark = image(new RescaleOp(0.12f, 0, null).filter(Jpeg.decode(sample("mug.jpg").bytes()), null));

        PhotoFindings findings = inspector.inspect(List.of(sharp, blurred, dark));

        assertThat(findings.problems()).containsExactly(new PhotoProblem(2, PhotoProblem.Kind.BLURRY),
                new PhotoProblem(3, PhotoProblem.Kind.DARK));
        assertThat(findings.retakeAdvice()).contains("retake photo 2: blurry; retake photo 3: too dark");
        assertThat(findings.worthSending(List.of(sharp, blurred, dark))).containsExactly(sharp);
    }

    @Test
    void aSlightlyDifferentCopyOfAnEarlierPhotoIsANearDuplicate() {
        VisionImage original = sample("watch.jpg");
        VisionImage brighter = image(new RescaleOp(1.1f, 5, null).filter(Jpeg.decode(original.bytes()), null));

        PhotoFindings findings = inspector.inspect(List.of(original, sample("watch-2.jpg"), brighter));

        assertThat(findings.duplicates()).containsExactly(3);
    }

    private static BufferedImage blur(BufferedImage image) {
        BufferedImage current = image;
        float[] box = new float[15 * 15];
        Arrays.fill(box, 1f / box.length);
        for (int i = 0; i < 2; i++) {
            current = new ConvolveOp(new Kernel(15, 15, box), ConvolveOp.EDGE_NO_OP, null).filter(current, null);
        }
        return current;
    }

    private static VisionImage sample(String name) {
        return sample(SAMPLES.resolve(name));
    }

    private static VisionImage sample(Path path) {
        try {
            PhotoCheck check = PhotoNormalizers.withDefaults().normalize(new RawPhoto(path.getFileName().toString(),
                    Optional.empty(), Files.readAllBytes(path)));
            NormalizedPhoto photo = ((PhotoCheck.Accepted) check).photo();
            return new VisionImage(photo.photo(), photo.bytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static VisionImage image(BufferedImage image) {
        byte[] bytes = Jpeg.encode(image);
        return new VisionImage(new dev.boomer.domain.photo.Photo(ContentHash.of(bytes), "image/jpeg", image.getWidth(),
                image.getHeight(), bytes.length), bytes);
    }
}
