package dev.boomer.application.processing;

import dev.boomer.domain.market.ProductMatch;
import dev.boomer.domain.vision.VisionAnalysis;

import java.util.Optional;

/** What the market's listings of a barcode read from the photos say the product is. */
@FunctionalInterface
interface BarcodeLookup {

    /** @param seen what the model saw, for the condition and the words a source that needs them asks */
    Optional<ProductMatch> productFor(String gtin, VisionAnalysis seen);
}
