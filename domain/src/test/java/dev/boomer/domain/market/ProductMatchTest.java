package dev.boomer.domain.market;

import dev.boomer.domain.item.Condition;
import dev.boomer.domain.vision.VisionAnalysis;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProductMatchTest {

    private static final String GTIN = "4960999123455";

    @Test
    void theTitleIsTheWordsMostListingsShareInTheOrderSellersPutThem() {
        List<String> titles = List.of("Canon AE-1 Program 35mm SLR Film Camera Body, TESTED",
                "CANON AE-1 PROGRAM film camera w/ FD 50mm f1.8", "Canon AE-1 Program Camera - works great",
                "Vintage Canon AE-1 Program 35mm Film Camera");

        ProductMatch match = ProductMatch.fromTitles(PriceSource.EBAY, GTIN, titles, Optional.of("Canon")).orElseThrow();

        assertThat(match.title()).as("35mm is in two titles of four: not most").isEqualTo("Canon AE-1 Program Film Camera");
        assertThat(match.listings()).isEqualTo(4);
        assertThat(match.describe()).isEqualTo(
                "barcode 4960999123455 found in 4 EBAY listings (brand Canon): 'Canon AE-1 Program Film Camera'");
    }

    @Test
    void listingsThatShareTooLittleNameNoProduct() {
        assertThat(ProductMatch.fromTitles(PriceSource.EBAY, GTIN, List.of("Canon camera", "Nikon lens", "Tripod"),
                Optional.empty())).isEmpty();
        assertThat(ProductMatch.fromTitles(PriceSource.EBAY, GTIN, List.of(), Optional.empty())).isEmpty();
    }

    @Test
    void theMatchNamesTheProductAndLeavesWhatOnlyThePhotosShow() {
        VisionAnalysis unsure = new VisionAnalysis("Cannon", "AE-1", "Cameras", Condition.USED_GOOD, "Old film camera",
                "Light wear.", "old film camera", Optional.empty(), Map.of("Type", "SLR"), 0.4,
                Map.of("brand", 0.4, "model", 0.5, "category", 0.7, "condition", 0.8, "title", 0.45));
        ProductMatch match = new ProductMatch(PriceSource.EBAY, GTIN, "Canon AE-1 Program 35mm Film Camera",
                Optional.of("Canon"), 12);

        VisionAnalysis identified = match.identify(unsure);

        assertThat(identified.brand()).isEqualTo("Canon");
        assertThat(identified.title()).isEqualTo("Canon AE-1 Program 35mm Film Camera");
        assertThat(identified.gtin()).contains(GTIN);
        assertThat(identified.condition()).isEqualTo(Condition.USED_GOOD);
        assertThat(identified.description()).isEqualTo("Light wear.");
        assertThat(identified.itemSpecifics()).containsEntry("Type", "SLR");
        assertThat(identified.fieldConfidence()).containsEntry("brand", ProductMatch.CONFIDENCE)
                .containsEntry("model", ProductMatch.CONFIDENCE).containsEntry("condition", 0.8);
        assertThat(identified.confidence()).as("the least sure field left is the condition").isCloseTo(0.8, within(1e-9));
    }

    @Test
    void aModelNameTheListingsDoNotSayStaysAsUnsureAsTheModelWas() {
        VisionAnalysis unsure = new VisionAnalysis("Canon", "FTb", "Cameras", Condition.USED_GOOD, "Canon camera",
                "Light wear.", "canon camera", Optional.empty(), Map.of(), 0.3,
                Map.of("brand", 0.9, "model", 0.3, "category", 0.9, "condition", 0.9, "title", 0.5));
        ProductMatch match = new ProductMatch(PriceSource.EBAY, GTIN, "Canon AE-1 Program 35mm Film Camera",
                Optional.empty(), 5);

        VisionAnalysis identified = match.identify(unsure);

        assertThat(identified.brand()).as("no brand from the listings: the model's").isEqualTo("Canon");
        assertThat(identified.fieldConfidence()).containsEntry("model", 0.3);
        assertThat(identified.confidence()).isEqualTo(0.3);
    }
}
