package dev.boomer.adapter.ai.vision;

import dev.boomer.adapter.ai.photo.Jpeg;
import dev.boomer.domain.vision.VisionImage;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.List;

/** Fits an item's stored photos to a provider's {@link ImageBudget}; photos already inside it are sent as stored. */
public final class ImagePreparation {

    private ImagePreparation() {
    }

    public static List<PreparedImage> prepare(List<VisionImage> images, ImageBudget budget) {
        return images.stream().limit(budget.maxImages()).map(image -> fit(image, budget)).toList();
    }

    /** The sizes {@link #prepare} would send, computed without decoding anything. */
    public static List<ImageSize> sizes(List<VisionImage> images, ImageBudget budget) {
        return images.stream().limit(budget.maxImages()).map(image -> {
            Dimension size = Jpeg.fittedSize(image.photo().width(), image.photo().height(), budget.maxLongEdge(),
                    budget.maxPixels());
            return new ImageSize(size.width, size.height);
        }).toList();
    }

    static PreparedImage fit(VisionImage image, ImageBudget budget) {
        int width = image.photo().width();
        int height = image.photo().height();
        if (Math.max(width, height) <= budget.maxLongEdge() && (long) width * height <= budget.maxPixels()) {
            return new PreparedImage(image.bytes(), new ImageSize(width, height));
        }
        BufferedImage fitted = Jpeg.fitted(Jpeg.decode(image.bytes()), budget.maxLongEdge(), budget.maxPixels());
        return new PreparedImage(Jpeg.encode(fitted), new ImageSize(fitted.getWidth(), fitted.getHeight()));
    }
}
