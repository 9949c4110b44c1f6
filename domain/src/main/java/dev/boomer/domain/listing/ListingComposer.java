package dev.boomer.domain.listing;

import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.market.PriceKind;
import dev.boomer.domain.vision.VisionAnalysis;

import java.time.Instant;

/** Turns what the model saw and what the market says into a draft within eBay's rules. */
public final class ListingComposer {

    private ListingComposer() {
    }

    public static ListingDraft compose(ItemId item, VisionAnalysis analysis, MarketQuote quote, PricingPolicy pricing,
                                       Instant now) {
        return new ListingDraft(item, fitTitle(analysis.title()), analysis.description(), analysis.category(),
                analysis.condition(), analysis.itemSpecifics(), pricing.suggest(quote), PriceEvidence.of(quote, pricing),
                confidence(analysis, quote), now);
    }

    /** At most 80 characters, cut at a word boundary when one is near, never mid-word if avoidable. */
    public static String fitTitle(String title) {
        String clean = title.strip().replaceAll("\\s+", " ");
        if (clean.length() <= ListingDraft.MAX_TITLE_LENGTH) {
            return clean;
        }
        String cut = clean.substring(0, ListingDraft.MAX_TITLE_LENGTH);
        int lastSpace = cut.lastIndexOf(' ');
        return (lastSpace >= ListingDraft.MAX_TITLE_LENGTH / 2 ? cut.substring(0, lastSpace) : cut).strip();
    }

    /** The model's confidence, lowered when the price rests on fewer than five comparables or on an estimate. */
    static double confidence(VisionAnalysis analysis, MarketQuote quote) {
        double priceTrust = quote.kind() == PriceKind.AI_ESTIMATE ? 0.7
                : Math.min(1.0, 0.75 + 0.05 * quote.sampleSize());
        return Math.round(analysis.confidence() * priceTrust * 1000) / 1000.0;
    }
}
