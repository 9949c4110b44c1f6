package dev.boomer.console.adapters;

import dev.boomer.domain.cost.ModelPrice;
import dev.boomer.domain.cost.PriceTable;
import dev.boomer.domain.market.MarketData;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.VisionModel;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Which adapters this server runs with, chosen by configuration: the vision provider, its models and prices. */
@Controller("/adapters")
@Secured({"ADMIN", "OPERATOR"})
class AdaptersController {

    /** One tier's model and its list prices in USD per million tokens, as "$1.25". */
    record TierRow(String tier, String model, String input, String output, String cacheWrite, String cacheRead) {

        static TierRow of(Tier tier, String model, ModelPrice price) {
            return new TierRow(tier.name().toLowerCase(Locale.ROOT), model, dollars(price.input()),
                    dollars(price.output()), dollars(price.cacheWrite()), dollars(price.cacheRead()));
        }

        /** At least cents, and every digit the price table has: $0.025 stays $0.025. */
        private static String dollars(BigDecimal amount) {
            BigDecimal plain = amount.stripTrailingZeros();
            return "$" + (plain.scale() < 2 ? plain.setScale(2) : plain).toPlainString();
        }
    }

    record AdaptersView(String visionProvider, String visionEndpoint, List<TierRow> tiers, List<String> market) {
    }

    private final AdaptersView view;

    AdaptersController(VisionModel vision, PriceTable prices, List<MarketData> market) {
        List<TierRow> tiers = Arrays.stream(Tier.values())
                .map(tier -> TierRow.of(tier, vision.modelFor(tier), prices.priceOf(vision.modelFor(tier))))
                .toList();
        this.view = new AdaptersView(vision.provider(),
                vision.endpoint().map(Object::toString).orElse("in process (no network, no key)"), tiers,
                market.stream().map(MarketData::name).toList());
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> adapters() {
        return new ModelAndView<>("adapters/adapters", Map.of("nav", "adapters", "adapters", view));
    }
}
