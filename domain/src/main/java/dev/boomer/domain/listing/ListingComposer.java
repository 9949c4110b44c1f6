package dev.boomer.domain.listing;

import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.market.PriceKind;
import dev.boomer.domain.taxonomy.Aspect;
import dev.boomer.domain.taxonomy.Category;
import dev.boomer.domain.taxonomy.CategoryAspects;
import dev.boomer.domain.vision.VisionAnalysis;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what the model saw and what the market says into a draft within eBay's rules. */
public final class ListingComposer {

    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+[.!?]*\\s*");

    private ListingComposer() {
    }

    /**
     * @param form the marketplace's leaf category for the item (none leaves the model's own category guess
     *             without an id, which the listing rules send to review), its aspects (the item specifics are
     *             named as the category names them) and its conditions (the item's, or its best substitute
     *             the category offers; one it offers neither of is kept for the rules to send to review)
     */
    public static ListingDraft compose(ItemId item, VisionAnalysis analysis, MarketQuote quote, PricingPolicy pricing,
                                       ListingForm form, Instant now) {
        Optional<Category> category = form.category();
        return new ListingDraft(item, title(analysis), withoutRefusals(analysis.description()),
                category.map(Category::path).orElse(analysis.category()), category.map(Category::id).orElse(""),
                form.conditions().listedAs(analysis.condition()).orElse(analysis.condition()),
                specifics(analysis, form.aspects()), pricing.suggest(quote), PriceEvidence.of(quote, pricing),
                confidence(analysis, quote), now);
    }

    /** The draft priced again from a fresh quote, by the same policy; what the model saw stays as it was. */
    public static ListingDraft reprice(ListingDraft draft, VisionAnalysis analysis, MarketQuote quote,
                                       PricingPolicy pricing, Instant now) {
        return draft.repriced(pricing.suggest(quote), PriceEvidence.of(quote, pricing), confidence(analysis, quote), now);
    }

    /** The draft's title for the analysis: the model's, fitted, or brand and model when it declined. */
    public static String title(VisionAnalysis analysis) {
        return fitTitle(titleOf(analysis));
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

    /** The model's title, or brand and model when the title is the model declining rather than a title. */
    static String titleOf(VisionAnalysis analysis) {
        String title = analysis.title();
        if (title.isBlank() || ListingRules.REFUSAL.matcher(title).find()) {
            String named = (analysis.brand() + " " + analysis.model()).strip();
            return named.isEmpty() ? analysis.category() : named;
        }
        return title;
    }

    /** The description without a sentence in which the model declines or talks about itself. */
    static String withoutRefusals(String description) {
        StringBuilder kept = new StringBuilder();
        Matcher sentence = SENTENCE.matcher(description);
        while (sentence.find()) {
            if (!ListingRules.REFUSAL.matcher(sentence.group()).find()) {
                kept.append(sentence.group());
            }
        }
        return kept.toString().strip();
    }

    /**
     * The model's item specifics under the category's names for them (and, where only listed values are
     * taken, in the list's spelling), with Brand and Model from the analysis when the category has them.
     */
    static Map<String, String> specifics(VisionAnalysis analysis, CategoryAspects aspects) {
        Map<String, String> named = new TreeMap<>();
        analysis.itemSpecifics().forEach((name, value) -> {
            Optional<Aspect> aspect = aspects.named(name);
            String spelled = aspect.flatMap(a -> a.allowedSpelling(value)).orElse(value.strip());
            named.put(aspect.map(Aspect::name).orElse(name.strip()), spelled);
        });
        Map<String, String> fromAnalysis = Map.of("Brand", analysis.brand(), "Model", analysis.model());
        fromAnalysis.forEach((name, value) -> aspects.named(name).ifPresent(aspect -> {
            boolean given = named.keySet().stream().anyMatch(key -> key.equalsIgnoreCase(aspect.name()));
            if (!given && !value.isBlank()) {
                named.put(aspect.name(), aspect.allowedSpelling(value).orElse(value.strip()));
            }
        }));
        return named;
    }

    /** The model's confidence, lowered when the price rests on fewer than five comparables or on an estimate. */
    static double confidence(VisionAnalysis analysis, MarketQuote quote) {
        double priceTrust = quote.kind() == PriceKind.AI_ESTIMATE ? 0.7
                : Math.min(1.0, 0.75 + 0.05 * quote.sampleSize());
        return Math.round(analysis.confidence() * priceTrust * 1000) / 1000.0;
    }
}
