package dev.boomer.domain.listing;

import dev.boomer.domain.taxonomy.Aspect;
import dev.boomer.domain.taxonomy.CategoryAspects;
import dev.boomer.domain.taxonomy.ConditionPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a draft must be before it is DRAFTED, beyond what {@link ListingDraft} itself enforces (a title of
 * 1..80 characters, a positive price in a currency, an eBay condition): a leaf category with every
 * required aspect filled, closed aspects from their lists and a condition it offers, a title without
 * stutter or condition boilerplate, a description, and no model refusal in either. A draft breaking a rule goes to review with
 * the rule's reason.
 */
public final class ListingRules {

    /**
     * A model declining or talking about itself instead of describing the item ("I'm sorry, but I", "As an
     * AI", "I cannot identify"), not a title that happens to say "I'm Sorry" or "I Can't Explain".
     */
    public static final Pattern REFUSAL = Pattern.compile(
            "\\b(i['’]?m sorry,? (but )?(i|as)\\b|i am sorry,? (but )?(i|as)\\b|as an ai\\b|as a language model\\b"
                    + "|i (cannot|can['’]?t|can not|am unable to|['’]?m unable to) (identify|determine|see|tell|help"
                    + "|assist|provide|describe|recogni[sz]e|make out)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** Words eBay's title guidance asks to leave out: the condition has a field of its own. */
    static final Pattern BOILERPLATE = Pattern.compile(
            "\\bpre-?owned\\b|\\b(in )?(used|good|great|excellent|very good|mint|working) condition\\b"
                    + "|\\bl@@k\\b|\\blook!+|\\bwow\\b|\\bsee (photos|pictures|description)\\b"
                    + "|\\s[-–|(]\\s*(used|new|good|very good|acceptable|like new|excellent)\\)?\\s*$",
            Pattern.CASE_INSENSITIVE);
    public static final String CATEGORY_MISSING = "category_missing";
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’]*");
    private static final int SHORTEST_NOUN = 3;
    private static final int MAX_VALUES_SHOWN = 8;

    private ListingRules() {
    }

    /** One broken rule: a reason code, as on the item, and what broke it. */
    public record Problem(String code, String detail) {
        public Problem {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }

        public String reason() {
            return code + ": " + detail;
        }
    }

    /**
     * @param form what the draft's category asks: required aspects filled, closed ones from their list, a
     *             condition it offers
     */
    public static List<Problem> check(ListingDraft draft, ListingForm form) {
        List<Problem> problems = new ArrayList<>();
        if (draft.categoryId().isBlank()) {
            problems.add(new Problem(CATEGORY_MISSING, "no leaf category was found for the item"));
        }
        ConditionPolicy conditions = form.conditions();
        if (!conditions.allows(draft.condition())) {
            problems.add(new Problem("condition_not_allowed", "the category takes " + conditions.describe()
                    + ", not " + draft.condition().label() + " (" + draft.condition().ebayId() + ")"));
        }
        CategoryAspects aspects = form.aspects();
        List<String> missing = aspects.required().stream().map(Aspect::name)
                .filter(name -> valueOf(draft, name).isEmpty()).toList();
        if (!missing.isEmpty()) {
            problems.add(new Problem("missing_specifics", String.join(", ", missing)));
        }
        for (Aspect aspect : aspects.aspects()) {
            valueOf(draft, aspect.name()).filter(value -> aspect.closed() && aspect.allowedSpelling(value).isEmpty())
                    .ifPresent(value -> problems.add(new Problem("specific_not_allowed", aspect.name() + " '" + value
                            + "' is not one of " + String.join(", ", aspect.allowedValues().stream()
                            .limit(MAX_VALUES_SHOWN).toList()) + (aspect.allowedValues().size() > MAX_VALUES_SHOWN
                            ? ", ..." : ""))));
        }
        Matcher refusal = REFUSAL.matcher(draft.title() + "\n" + draft.description());
        if (refusal.find()) {
            problems.add(new Problem("refusal_text", "the model's text contains '" + refusal.group() + "'"));
        }
        if (draft.description().isBlank()) {
            problems.add(new Problem("description_missing", "the draft has no description"));
        }
        stutter(draft).ifPresent(problems::add);
        Matcher boilerplate = BOILERPLATE.matcher(draft.title());
        if (boilerplate.find()) {
            problems.add(new Problem("title_boilerplate", "the title says '" + boilerplate.group().strip()
                    + "'; the condition is a field of its own"));
        }
        return problems;
    }

    /** The draft's non-blank value for an aspect, whatever the case of its name. */
    private static Optional<String> valueOf(ListingDraft draft, String aspect) {
        return draft.itemSpecifics().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(aspect))
                .map(Map.Entry::getValue).filter(value -> !value.isBlank()).findFirst();
    }

    /**
     * The same word twice in a row ("Automatic Automatic Watch"), or the category's noun said again after
     * the model name ("Le Creuset Stoneware Mug 350 ml Coffee Mug" in Mugs). Names that repeat a word
     * ("Duran Duran") go to review too: a person tells them apart.
     */
    static Optional<Problem> stutter(ListingDraft draft) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(draft.title());
        while (word.find()) {
            words.add(word.group().toLowerCase(Locale.ROOT));
        }
        for (int i = 1; i < words.size(); i++) {
            if (words.get(i).equals(words.get(i - 1))) {
                return Optional.of(new Problem("title_stutter", "the title says '" + words.get(i) + "' twice in a row"));
            }
        }
        Optional<String> noun = categoryNoun(draft.category());
        if (noun.isPresent()) {
            long said = words.stream().filter(w -> w.equals(noun.get()) || w.equals(noun.get() + "s")
                    || w.equals(noun.get() + "es")).count();
            if (said > 1) {
                return Optional.of(new Problem("title_stutter", "the title says '" + noun.get() + "' " + said
                        + " times"));
            }
        }
        return Optional.empty();
    }

    /** The singular of the last word of the leaf's name: "Mugs" -> mug, "Film Cameras" -> camera. */
    static Optional<String> categoryNoun(String categoryPath) {
        String leaf = categoryPath.substring(categoryPath.lastIndexOf('>') + 1).strip().toLowerCase(Locale.ROOT);
        Matcher word = WORD.matcher(leaf);
        String last = null;
        while (word.find()) {
            last = word.group();
        }
        if (last == null || last.length() < SHORTEST_NOUN) {
            return Optional.empty();
        }
        String singular = last.endsWith("shes") || last.endsWith("ches") || last.endsWith("xes")
                ? last.substring(0, last.length() - 2) : last.endsWith("s") ? last.substring(0, last.length() - 1) : last;
        return Optional.of(singular);
    }
}
