package dev.boomer.adapter.ai.samples;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import dev.boomer.adapter.ai.photo.PhotoNormalizers;
import dev.boomer.domain.photo.PhotoCheck;
import dev.boomer.domain.photo.RawPhoto;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed sample photos (repository folder samples/photos) are usable and their barcodes decode. */
class SamplePhotosTest {

    private static final Path SAMPLES = Path.of("..", "samples", "photos");
    private static final Map<String, String> BARCODES = Map.of(
            "book.jpg", "9780141036144", "mug.jpg", "4006381333931",
            "console.jpg", "045496730994", // an EAN-13 with a leading 0 is read as the UPC-A it is
            "camera.jpg", "4960999123455", "sneaker.jpg", "8884123456782", "watch.jpg", "4954628123459");

    @Test
    void theBarcodesPrintedOnTheSamplesDecode() throws IOException, NotFoundException {
        for (var expected : BARCODES.entrySet()) {
            var image = ImageIO.read(SAMPLES.resolve(expected.getKey()).toFile());
            var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
            var result = new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
            assertThat(result.getText()).as(expected.getKey()).isEqualTo(expected.getValue());
        }
    }

    @Test
    void everySamplePassesTheNormalizer() throws IOException {
        List<Path> photos;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            photos = files.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        assertThat(photos).hasSizeGreaterThanOrEqualTo(10);
        for (Path photo : photos) {
            PhotoCheck check = PhotoNormalizers.withDefaults()
                    .normalize(new RawPhoto(photo.getFileName().toString(), Optional.empty(), Files.readAllBytes(photo)));
            assertThat(check).as(photo.toString()).isInstanceOf(PhotoCheck.Accepted.class);
        }
    }
}
