package dev.boomer.domain.market;

import dev.boomer.domain.item.Condition;
import dev.boomer.domain.vision.VisionAnalysis;
import org.junit.jupiter.api.Test;

import java.util.Currency;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MarketQueryTest {

    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void theWordsAreBrandModelAndThePriceSettingSpecificsEachOnce() {
        VisionAnalysis console = analysis("Nintendo", "Game Boy Color", "gameboy color purple handheld",
                Map.of("Platform", "Nintendo Game Boy Color", "Color", "Atomic Purple"));

        assertThat(MarketQuery.forItem(console, USD).query()).isEqualTo("Nintendo Game Boy Color");
    }

    @Test
    void aBooksAuthorAndFormatAreAskedForItsColoursAndSizesAreNot() {
        VisionAnalysis book = analysis("Penguin", "Nineteen Eighty-Four", "1984 orwell",
                Map.of("Author", "George Orwell", "Format", "Paperback", "Language", "English"));
        VisionAnalysis sneakers = analysis("Nike", "Air Max 90", "nike air max 90 size 10 white",
                Map.of("US Shoe Size", "10", "Color", "White"));

        assertThat(MarketQuery.forItem(book, USD).query()).isEqualTo("Penguin Nineteen Eighty-Four George Orwell Paperback");
        assertThat(MarketQuery.forItem(sneakers, USD).query()).isEqualTo("Nike Air Max 90");
    }

    @Test
    void whatKindOfThingItIsKeepsAManualOfTheSameNameOut() {
        VisionAnalysis camera = analysis("Canon", "AE-1 Program", "canon ae-1 program film camera",
                Map.of("Film Format", "35mm", "Type", "SLR", "Lens Mount", "Canon FD"));
        VisionAnalysis watch = analysis("Seiko", "5 SNK809", "seiko snk809 automatic watch",
                Map.of("Type", "Wristwatch", "Movement", "Automatic", "Case Size", "37 mm"));

        assertThat(MarketQuery.forItem(camera, USD).query()).isEqualTo("Canon AE-1 Program 35mm SLR");
        assertThat(MarketQuery.forItem(watch, USD).query()).isEqualTo("Seiko 5 SNK809 Wristwatch");
    }

    @Test
    void anUnbrandedItemIsAskedByItsModelName() {
        VisionAnalysis vase = analysis("Unbranded", "Ceramic Flower Vase", "blue ceramic vase", Map.of());

        assertThat(MarketQuery.forItem(vase, USD).query()).isEqualTo("Ceramic Flower Vase");
    }

    @Test
    void withoutAModelNameTheModelsOwnSearchWordsAreAsked() {
        VisionAnalysis unnamed = analysis("IKEA", " ", "ikea birch side table", Map.of());

        assertThat(MarketQuery.forItem(unnamed, USD).query()).isEqualTo("ikea birch side table");
    }

    @Test
    void theGtinConditionAndCurrencyComeAlong() {
        VisionAnalysis scanned = analysis("Canon", "AE-1 Program", "canon ae-1", Map.of()).withGtin("4960999123455");

        MarketQuery query = MarketQuery.forItem(scanned, USD);

        assertThat(query.gtin()).contains("4960999123455");
        assertThat(query.condition()).isEqualTo(Condition.USED_GOOD);
        assertThat(query.currency()).isEqualTo(USD);
    }

    private static VisionAnalysis analysis(String brand, String model, String searchQuery, Map<String, String> specifics) {
        return new VisionAnalysis(brand, model, "Things", Condition.USED_GOOD, brand + " " + model, "A thing.",
                searchQuery, Optional.empty(), specifics, 0.9);
    }
}
