package dev.boomer.adapter.ai.photo;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import dev.boomer.domain.item.Gtin;
import dev.boomer.domain.vision.PhotoFindings;
import dev.boomer.domain.vision.PhotoInspector;
import dev.boomer.domain.vision.PhotoProblem;
import dev.boomer.domain.vision.VisionImage;
import jakarta.inject.Singleton;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Free pre-analysis on the server's own CPU: ZXing reads UPC/EAN barcodes (and GS1 Digital Link QR codes);
 * a small grey copy of each photo tells whether it is too dark (mean brightness) or too blurry (variance
 * of the Laplacian, which sharp edges raise); a 64-bit difference hash finds near-duplicate photos.
 */
@Singleton
public class LocalPhotoInspector implements PhotoInspector {

    /** Photos are judged at this long edge: enough for edges, cheap to compute. */
    static final int ANALYSIS_EDGE = 512;
    /** Mean brightness (0..255) below which a photo is too dark to describe. */
    static final double DARK_BELOW = 40;
    /** Laplacian variance below which a photo has no sharp edge anywhere. */
    static final double BLURRY_BELOW = 30;
    /** Hashes this close (differing bits of 64) are the same view. */
    static final int NEAR_DUPLICATE_BITS = 4;
    private static final Pattern DIGITAL_LINK = Pattern.compile("/01/(\\d{14})");
    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.POSSIBLE_FORMATS, EnumSet.of(BarcodeFormat.EAN_13, BarcodeFormat.EAN_8,
                    BarcodeFormat.UPC_A, BarcodeFormat.UPC_E, BarcodeFormat.QR_CODE),
            DecodeHintType.TRY_HARDER, Boolean.TRUE);

    @Override
    public PhotoFindings inspect(List<VisionImage> images) {
        Optional<String> gtin = Optional.empty();
        List<PhotoProblem> problems = new ArrayList<>();
        Set<Integer> duplicates = new HashSet<>();
        List<Long> hashes = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            BufferedImage image = Jpeg.decode(images.get(i).bytes());
            if (gtin.isEmpty()) {
                gtin = barcode(image);
            }
            double[][] grey = grey(Jpeg.downscaled(image, ANALYSIS_EDGE));
            if (meanBrightness(grey) < DARK_BELOW) {
                problems.add(new PhotoProblem(i + 1, PhotoProblem.Kind.DARK));
            } else if (laplacianVariance(grey) < BLURRY_BELOW) {
                problems.add(new PhotoProblem(i + 1, PhotoProblem.Kind.BLURRY));
            }
            long hash = differenceHash(grey);
            if (hashes.stream().anyMatch(h -> Long.bitCount(h ^ hash) <= NEAR_DUPLICATE_BITS)) {
                duplicates.add(i + 1);
            }
            hashes.add(hash);
        }
        return new PhotoFindings(gtin, problems, duplicates);
    }

    static Optional<String> barcode(BufferedImage image) {
        try {
            Result result = new MultiFormatReader().decode(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))), HINTS);
            String text = result.getText();
            if (result.getBarcodeFormat() == BarcodeFormat.QR_CODE) {
                Matcher link = DIGITAL_LINK.matcher(text);
                return link.find() ? Gtin.parse(link.group(1)) : Gtin.parse(text);
            }
            return Gtin.parse(text);
        } catch (NotFoundException none) {
            return Optional.empty();
        }
    }

    private static double[][] grey(BufferedImage image) {
        double[][] grey = new double[image.getHeight()][image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                grey[y][x] = 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
            }
        }
        return grey;
    }

    static double meanBrightness(double[][] grey) {
        double sum = 0;
        for (double[] row : grey) {
            for (double v : row) {
                sum += v;
            }
        }
        return sum / ((double) grey.length * grey[0].length);
    }

    static double laplacianVariance(double[][] grey) {
        int h = grey.length;
        int w = grey[0].length;
        double sum = 0;
        double sumSquares = 0;
        long n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                double lap = grey[y - 1][x] + grey[y + 1][x] + grey[y][x - 1] + grey[y][x + 1] - 4 * grey[y][x];
                sum += lap;
                sumSquares += lap * lap;
                n++;
            }
        }
        if (n == 0) {
            return 0;
        }
        double mean = sum / n;
        return sumSquares / n - mean * mean;
    }

    /** dHash: is each cell of a 9 x 8 grid brighter than its right neighbour? 64 answers, 64 bits. */
    static long differenceHash(double[][] grey) {
        int h = grey.length;
        int w = grey[0].length;
        long hash = 0;
        for (int row = 0; row < 8; row++) {
            for (int col = 0; col < 8; col++) {
                double left = cellMean(grey, row, col, h, w);
                double right = cellMean(grey, row, col + 1, h, w);
                hash = hash << 1 | (left > right ? 1 : 0);
            }
        }
        return hash;
    }

    private static double cellMean(double[][] grey, int row, int col, int h, int w) {
        int y0 = row * h / 8;
        int y1 = Math.max(y0 + 1, (row + 1) * h / 8);
        int x0 = col * w / 9;
        int x1 = Math.max(x0 + 1, (col + 1) * w / 9);
        double sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                sum += grey[y][x];
            }
        }
        return sum / ((double) (y1 - y0) * (x1 - x0));
    }
}
