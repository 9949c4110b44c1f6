package dev.boomer.application.processing;

import dev.boomer.domain.listing.ListingDraft;
import dev.boomer.domain.listing.PricingPolicy;
import dev.boomer.domain.budget.Budget;
import dev.boomer.domain.budget.Period;
import dev.boomer.domain.budget.Standing;
import dev.boomer.domain.cost.CostEntry;
import dev.boomer.domain.cost.ModelPrice;
import dev.boomer.domain.cost.PriceTable;
import dev.boomer.domain.fixtures.FakeMarketData;
import dev.boomer.domain.fixtures.FakePhotoInspector;
import dev.boomer.domain.fixtures.FakeTaxonomy;
import dev.boomer.domain.fixtures.InMemoryPriceHistory;
import dev.boomer.domain.market.HistorySource;
import dev.boomer.domain.fixtures.FakePriceEstimator;
import dev.boomer.domain.market.PriceEstimator;
import dev.boomer.domain.market.PriceHistory;
import dev.boomer.domain.market.PriceKind;
import dev.boomer.domain.taxonomy.Aspect;
import dev.boomer.domain.fixtures.FakeVisionModel;
import dev.boomer.domain.fixtures.InMemoryAnalysisRepository;
import dev.boomer.domain.fixtures.InMemoryCache;
import dev.boomer.domain.fixtures.InMemoryCostLedger;
import dev.boomer.domain.fixtures.InMemoryItemRepository;
import dev.boomer.domain.fixtures.InMemoryListingRepository;
import dev.boomer.domain.fixtures.InMemoryPhotoStore;
import dev.boomer.domain.fixtures.MutableClock;
import dev.boomer.domain.fixtures.RecordingBudgets;
import dev.boomer.domain.item.Condition;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.market.MarketData;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.NormalizedPhoto;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.provider.ProviderRejected;
import dev.boomer.domain.security.Redactor;
import dev.boomer.domain.provider.ProviderUnavailable;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.vision.ItemAnalysis;
import dev.boomer.domain.vision.OutputProblem;
import dev.boomer.domain.vision.PhotoFindings;
import dev.boomer.domain.vision.PhotoProblem;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.vision.VisionModel;
import dev.boomer.domain.vision.VisionRequest;
import dev.boomer.domain.vision.VisionResult;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessItemTest {

    private static final String CONFIGURED_KEY = "sk-ant-api03-configured-key-0123456789";

    private static final Duration LEASE = Duration.ofMinutes(2);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final InMemoryItemRepository items = new InMemoryItemRepository();
    private final InMemoryAnalysisRepository analyses = new InMemoryAnalysisRepository();
    private final InMemoryListingRepository listings = new InMemoryListingRepository();
    private final InMemoryPhotoStore photos = new InMemoryPhotoStore();
    private final InMemoryCostLedger ledger = new InMemoryCostLedger();
    private final RecordingBudgets budgets = new RecordingBudgets(ledger);
    private final FakeVisionModel vision = new FakeVisionModel();
    private FakeTaxonomy taxonomy = FakeTaxonomy.filmCameras();
    private Optional<PriceEstimator> estimator = Optional.empty();
    private final PriceTable prices = new PriceTable(Map.of(
            FakeVisionModel.FAST_MODEL, ModelPrice.of("1", "5", "1.25", "0.1"),
            FakeVisionModel.SMART_MODEL, ModelPrice.of("3", "15", "3.75", "0.3")));
    private final FakePhotoInspector inspector = new FakePhotoInspector();
    private final List<ItemAnalysis> accepted = new ArrayList<>();
    private final UserId owner = UserId.random();

    @Test
    void anItemBecomesADraftWithOneCostEntryPricedExactly() {
        Item item = anItem("photo-1");

        ProcessOutcome outcome = processItem(new FakeMarketData("market", "10", "20", "30")).process(item.id());

        assertThat(outcome).isInstanceOf(ProcessOutcome.Drafted.class);
        assertThat(items.findById(item.id()).orElseThrow().status()).isEqualTo(ItemStatus.DRAFTED);
        assertThat(listings.findByItem(item.id()).orElseThrow().price()).isEqualTo(Money.usd("20.00"));
        assertThat(ledger.entriesFor(item.id())).singleElement().satisfies(entry -> {
            assertThat(entry.tier()).isEqualTo(Tier.FAST);
            // 1,000 input x $1/M + 300 output x $5/M
            assertThat(entry.cost()).isEqualTo(Money.usd("0.0025"));
        });
        assertThat(budgets.calls()).containsExactly("reserve vision-fast", "settle 0.0025 USD");
    }

    @Test
    void runningTwiceGivesOneDraftAndOneSetOfCosts() {
        Item item = anItem("photo-1");
        ProcessItem processItem = processItem(new FakeMarketData("market", "10"));

        processItem.process(item.id());
        ProcessOutcome second = processItem.process(item.id());

        assertThat(second).isInstanceOf(ProcessOutcome.Skipped.class);
        assertThat(ledger.entriesFor(item.id())).hasSize(1);
        assertThat(vision.calls(Tier.FAST)).isEqualTo(1);
    }

    @Test
    void anUnsureFastAnswerIsAskedAgainOfTheSmartTier() {
        vision.answering(Tier.FAST, 0.4).answering(Tier.SMART, 0.9);
        Item item = anItem("photo-1");

        processItem(new FakeMarketData("market", "10")).process(item.id());

        assertThat(ledger.entriesFor(item.id())).extracting(e -> e.tier()).containsExactly(Tier.FAST, Tier.SMART);
        assertThat(analyses.findByItem(item.id()).orElseThrow().call().tier()).isEqualTo(Tier.SMART);
    }

    @Test
    void aBarcodeTheMarketKnowsNamesTheProductOfAnUnsureFastAnswerWithoutAskingSmart() {
        vision.answering(Tier.FAST, 0.4);
        inspector.finding(new PhotoFindings(Optional.of("4960999123455"), List.of(), Set.of()));
        Item item = anItem("photo-1");
        FakeMarketData ebay = new FakeMarketData("ebay", "150", "160", "170").live()
                .naming("Canon AE-1 Program 35mm Film Camera", "Canon");

        ProcessOutcome outcome = processItem(ebay).process(item.id());

        assertThat(vision.calls(Tier.SMART)).isZero();
        ItemAnalysis analysis = analyses.findByItem(item.id()).orElseThrow();
        assertThat(analysis.identifiedBy()).contains("barcode 4960999123455 found in 3 EBAY listings (brand Canon):"
                + " 'Canon AE-1 Program 35mm Film Camera'");
        assertThat(analysis.analysis().title()).isEqualTo("Canon AE-1 Program 35mm Film Camera");
        assertThat(listings.findByItem(item.id()).orElseThrow().title()).isEqualTo("Canon AE-1 Program 35mm Film Camera");
        assertThat(ebay.asked()).as("the search that named the product priced it").hasSize(1);
        assertThat(analysis.analysis().confidence()).as("the least sure field left: the condition").isEqualTo(0.9);
        assertThat(outcome).isInstanceOf(ProcessOutcome.Drafted.class);
    }

    @Test
    void aBarcodeTheMarketDoesNotKnowLeavesAnUnsureFastAnswerToSmart() {
        vision.answering(Tier.FAST, 0.4);
        inspector.finding(new PhotoFindings(Optional.of("4960999123455"), List.of(), Set.of()));
        Item item = anItem("photo-1");

        processItem(new FakeMarketData("ebay", "150").live().withoutGtins()).process(item.id());

        assertThat(vision.calls(Tier.SMART)).isEqualTo(1);
        assertThat(analyses.findByItem(item.id()).orElseThrow().identifiedBy()).isEmpty();
    }

    @Test
    void aDraftBelowTheReviewThresholdNeedsReview() {
        vision.answering(Tier.FAST, 0.3).answering(Tier.SMART, 0.35);
        Item item = anItem("photo-1");

        ProcessOutcome outcome = processItem(new FakeMarketData("market", "10")).process(item.id());

        assertThat(outcome).isInstanceOfSatisfying(ProcessOutcome.NeedsReview.class,
                r -> assertThat(r.reason()).startsWith("low_confidence"));
    }

    @Test
    void aRefusedBudgetParksTheItemWithoutCallingTheModel() {
        budgets.refuseEverything();
        Item item = anItem("photo-1");

        ProcessOutcome outcome = processItem(new FakeMarketData("market", "10")).process(item.id());

        assertThat(outcome).isInstanceOfSatisfying(ProcessOutcome.Parked.class,
                p -> assertThat(p.reason()).startsWith("over_budget"));
        assertThat(vision.calls(Tier.FAST)).isZero();
        assertThat(items.findById(item.id()).orElseThrow().status()).isEqualTo(ItemStatus.PARKED);
    }

    @Test
    void aProvidersWaitHoldsTheItemUntilThenWithoutCountingARetry() {
        vision.failingWith(new ProviderUnavailable("fake", "rate_limited", "429", Optional.of(Duration.ofSeconds(20))));
        Item item = anItem("photo-1");
        ProcessItem processItem = processItem(new FakeMarketData("market", "10"));

        ProcessOutcome outcome = processItem.process(item.id());

        Instant due = clock.instant().plusSeconds(20);
        assertThat(outcome).isInstanceOfSatisfying(ProcessOutcome.RetryLater.class, r -> {
            assertThat(r.at()).isEqualTo(due);
            assertThat(r.fault()).isFalse();
        });
        Item waiting = items.findById(item.id()).orElseThrow();
        assertThat(waiting.status()).isEqualTo(ItemStatus.RECEIVED);
        assertThat(waiting.retries()).isZero();
        assertThat(waiting.nextAttemptAt()).contains(due);
        assertThat(budgets.calls()).containsExactly("reserve vision-fast", "release");
        assertThat(ledger.entriesFor(item.id())).isEmpty();

        clock.advance(Duration.ofSeconds(19));
        assertThat(processItem.process(item.id())).as("never earlier")
                .isEqualTo(new ProcessOutcome.NotDue(item.id(), waiting));
        assertThat(vision.calls(Tier.FAST)).isEqualTo(1);
    }

    @Test
    void aTransientFaultIsRetriedWithGrowingBackoffUntilTheLastTryGivesUp() {
        vision.failingWith(new ProviderUnavailable("fake", "overloaded", "529 overloaded", Optional.empty()));
        Item item = anItem("photo-1");
        ProcessItem processItem = processItem(new FakeMarketData("market", "10"));
        RetryPolicy policy = RetryPolicy.DEFAULT;

        for (int retry = 1; retry < policy.maxAttempts(); retry++) {
            Instant now = clock.instant();
            ProcessOutcome outcome = processItem.process(item.id());
            Duration ceiling = policy.firstDelay().multipliedBy(1L << (retry - 1));
            Duration longest = ceiling.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : ceiling;
            assertThat(outcome).as("try %d", retry).isInstanceOfSatisfying(ProcessOutcome.RetryLater.class, r -> {
                assertThat(r.fault()).isTrue();
                assertThat(r.at()).isBetween(now.plus(longest.dividedBy(2)), now.plus(longest));
            });
            assertThat(items.findById(item.id()).orElseThrow().retries()).isEqualTo(retry);
            clock.set(((ProcessOutcome.RetryLater) outcome).at());
        }

        ProcessOutcome last = processItem.process(item.id());

        assertThat(last).isInstanceOfSatisfying(ProcessOutcome.Failed.class,
                failed -> assertThat(failed.reason()).isEqualTo("gave_up: provider_unavailable: fake: 529 overloaded"));
        assertThat(vision.calls(Tier.FAST)).isEqualTo(policy.maxAttempts());
    }

    @Test
    void aPaidCallWhoseRecordFailsOnceIsRecordedOnTheNextTryAndNeverReleased() {
        budgets.failSettles(1);
        Item item = anItem("photo-1");

        ProcessOutcome outcome = processItem(new FakeMarketData("market", "10")).process(item.id());

        assertThat(outcome).isInstanceOf(ProcessOutcome.Drafted.class);
        assertThat(budgets.calls()).containsExactly("reserve vision-fast", "settle failed",
                "settle " + ledger.entriesFor(item.id()).getFirst().cost());
        assertThat(ledger.entriesFor(item.id())).hasSize(1);
    }

    @Test
    void anUnexpectedErrorIsRetriedLikeATransientFault() {
        vision.failingWith(new IllegalStateException("connection reset"));
        Item item = anItem("photo-1");

        ProcessOutcome outcome = processItem(new FakeMarketData("market", "10")).process(item.id());

        assertThat(outcome).isInstanceOfSatisfying(ProcessOutcome.RetryLater.class, r -> {
            assertThat(r.fault()).isTrue();
            assertThat(r.reason()).isEqualTo("error: connection reset");
        });
        assertThat(budgets.calls()).containsExactly("reserve vision-fast", "release");
    }

    @Test
    void aRequestTheProviderRejectsFailsTheItem() {
        vision.failingWith(new ProviderRejected("fake", "invalid_request", "400 bad image"));
        Item item = anItem("photo-1");

        assertThat(processItem(new FakeMarketData("market", "10")).process(item.id()))
                .isInstanceOf(ProcessOutcome.Failed.class);
        assertThat(items.findById(item.id()).orElseThrow().status()).isEqualTo(ItemStatus.FAILED);
    }

    @Test
    void aKeyThatTheProviderEchoesNeverReachesTheItemsReason() {
        vision.failingWith(new ProviderRejected("fake", "unauthorized", "401 authentication_error: invalid x-api-key: "
                + CONFIGURED_KEY + " (check the API key)"));
        Item failed = anItem("photo-1");
        processItem(new FakeMarketData("market", "10")).process(failed.id());
        vision.failingWith(new ProviderUnavailable("fake", "overloaded", "529 proxy " + CONFIGURED_KEY + " busy",
                Optional.empty()));
        Item retried = anItem("photo-2");
        processItem(new FakeMarketData("market", "10")).process(retried.id());

        assertThat(items.findById(failed.id()).orElseThrow().reason()).hasValueSatisfying(reason -> assertThat(reason)
                .doesNotContain(CONFIGURED_KEY).contains("invalid x-api-key: [redacted]", "check the API key"));
        assertThat(items.findById(retried.id()).orElseThrow().reason()).hasValueSatisfying(reason -> assertThat(reason)
                .doesNotContain(CONFIGURED_KEY).contains("proxy [redacted] busy"));
    }

    @Test
    void anEmptyOrDownMarketSourceFallsBackToTheNext() {
        Item item = anItem("photo-1");
        MarketData down = new FakeMarketData("ebay").down(new ProviderUnavailable("ebay", "down", "503", Optional.empty()));

        processItem(down, new FakeMarketData("history"), new FakeMarketData("estimate", "42")).process(item.id());

        assertThat(listings.findByItem(item.id()).orElseThrow().price()).isEqualTo(Money.usd("42.00"));
    }

    @Test
    void aMarketSourceThatRefusesUsFallsBackToTheNextAndAloneLeavesTheItemToReview() {
        Item priced = anItem("photo-1");
        MarketData refusing = new FakeMarketData("ebay").down(new ProviderRejected("ebay", "unauthorized", "401 bad key"));

        processItem(refusing, new FakeMarketData("estimate", "42")).process(priced.id());
        Item unpriced = anItem("photo-2");

        assertThat(listings.findByItem(priced.id()).orElseThrow().price()).isEqualTo(Money.usd("42.00"));
        assertThat(processItem(refusing).process(unpriced.id())).isInstanceOfSatisfying(ProcessOutcome.NeedsReview.class,
                r -> assertThat(r.reason()).startsWith("no_price").contains("401 bad key"));
    }

    @Test
    void aDraftBreakingAListingRuleNeedsReviewWithTheRule() {
        Item item = anItem("photo-1");
        vision.titling("Canon AE-1 film camera body camera - Used");

        assertThat(processItem(new FakeMarketData("market", "10")).process(item.id()))
                .isInstanceOfSatisfying(ProcessOutcome.NeedsReview.class, r -> assertThat(r.reason())
                        .isEqualTo("title_stutter: the title says 'camera' 2 times; title_boilerplate: the title says '- Used';"
                                + " the condition is a field of its own"));
        assertThat(listings.findByItem(item.id())).as("the draft is kept for the review").isPresent();
    }

    @Test
    void theDraftCarriesTheTaxonomysLeafCategoryAndItsSpecificsUnderTheCategorysNames() {
        Item item = anItem("photo-1");

        processItem(new FakeMarketData("market", "10")).process(item.id());

        ListingDraft draft = listings.findByItem(item.id()).orElseThrow();
        assertThat(draft.categoryId()).isEqualTo("15230");
        assertThat(draft.category()).isEqualTo("Cameras & Photo > Film Photography > Film Cameras");
        assertThat(draft.itemSpecifics()).containsEntry("Brand", "Canon").containsEntry("Model", "AE-1")
                .containsEntry("Format", "35mm");
    }

    @Test
    void aRequiredAspectTheAnalysisDidNotFillSendsTheDraftToReview() {
        Item item = anItem("photo-1");
        taxonomy = new FakeTaxonomy(Optional.of(FakeTaxonomy.FILM_CAMERAS), List.of(Aspect.freeText("Brand", true),
                Aspect.freeText("Type", true), Aspect.freeText("Film Format", true)));

        assertThat(processItem(new FakeMarketData("market", "10")).process(item.id()))
                .isInstanceOfSatisfying(ProcessOutcome.NeedsReview.class,
                        r -> assertThat(r.reason()).isEqualTo("missing_specifics: Type, Film Format"));
    }

    @Test
    void aGradedConditionIsListedAsTheUsedConditionTheCategoryOffers() {
        Item item = anItem("photo-1");

        assertThat(processItem(new FakeMarketData("market", "10")).process(item.id()))
                .isInstanceOf(ProcessOutcome.Drafted.class);
        assertThat(listings.findByItem(item.id()).orElseThrow().condition()).as("Good is plain Used in Film Cameras")
                .isEqualTo(Condition.USED_EXCELLENT);
    }

    @Test
    void aConditionTheCategoryDoesNotOfferSendsTheDraftToReview() {
        vision.seeing(Condition.NEW_WITH_DEFECTS);
        Item item = anItem("photo-1");

        assertThat(processItem(new FakeMarketData("market", "10")).process(item.id()))
                .isInstanceOfSatisfying(ProcessOutcome.NeedsReview.class, r -> assertThat(r.reason()).isEqualTo(
                        "condition_not_allowed: the category takes New (1000), New other (see details) (1500),"
                                + " Seller refurbished (2500), Used (3000), For parts or not working (7000),"
                                + " not New with defects (1750)"));
    }

    @Test
    void aValueOutsideAClosedListSendsTheDraftToReview() {
        Item item = anItem("photo-1");
        taxonomy = new FakeTaxonomy(Optional.of(FakeTaxonomy.FILM_CAMERAS),
                List.of(new Aspect("Format", true, List.of("120", "Instant", "APS"))));

        assertThat(processItem(new FakeMarketData("market", "10")).process(item.id()))
                .isInstanceOfSatisfying(ProcessOutcome.NeedsReview.class, r -> assertThat(r.reason())
                        .isEqualTo("specific_not_allowed: Format '35mm' is not one of 120, Instant, APS"));
    }

    @Test
    void noCategoryOrATaxonomyThatRefusesUsSendsTheDraftToReviewSayingWhy() {
        Item uncategorised = anItem("photo-1");
        taxonomy = new FakeTaxonomy(Optional.empty(), List.of());
        ProcessOutcome none = processItem(new FakeMarketData("market", "10")).process(uncategorised.id());
        Item refused = anItem("photo-2");
        taxonomy = FakeTaxonomy.filmCameras().down(new ProviderRejected("ebay", "unauthorized", "401 bad key"));
        ProcessOutcome refusal = processItem(new FakeMarketData("market", "10")).process(refused.id());

        assertThat(none).isInstanceOfSatisfying(ProcessOutcome.NeedsReview.class, r -> assertThat(r.reason())
                .isEqualTo("category_missing: the category tree has no category for 'Canon AE-1 35mm film camera'"));
        assertThat(refusal).isInstanceOfSatisfying(ProcessOutcome.NeedsReview.class,
                r -> assertThat(r.reason()).isEqualTo("category_missing: ebay: 401 bad key"));
        assertThat(listings.findByItem(uncategorised.id()).orElseThrow().category()).isEqualTo("Cameras");
    }

    @Test
    void aTaxonomyThatIsDownMakesTheItemWait() {
        Item item = anItem("photo-1");
        taxonomy = FakeTaxonomy.filmCameras().down(new ProviderUnavailable("ebay", "server_error", "500", Optional.empty()));

        assertThat(processItem(new FakeMarketData("market", "10")).process(item.id()))
                .isInstanceOf(ProcessOutcome.RetryLater.class);
    }

    @Test
    void categoriesAspectsAndConditionsAreAskedOncePerTitle() {
        ProcessItem processItem = processItem(new FakeMarketData("market", "10"));

        processItem.process(anItem("photo-1").id());
        processItem.process(anItem("photo-2").id());

        assertThat(taxonomy.asked()).hasSize(1);
        assertThat(taxonomy.aspectCalls()).isEqualTo(1);
        assertThat(taxonomy.conditionCalls()).isEqualTo(1);
    }

    @Test
    void whenTheLiveSourceIsDownTheComparablesItShowedBeforePriceTheItemAsHistory() {
        InMemoryPriceHistory history = new InMemoryPriceHistory();
        FakeMarketData ebay = new FakeMarketData("ebay", "40", "50", "60").live(clock);
        Item first = anItem("photo-1");
        processItem(List.of(ebay, new HistorySource(history, clock)), history).process(first.id());
        ebay.down(new ProviderUnavailable("ebay", "server_error", "503", Optional.empty()));
        Item second = anItem("photo-2");

        processItem(List.of(ebay, new HistorySource(history, clock)), history).process(second.id());

        ListingDraft fromEbay = listings.findByItem(first.id()).orElseThrow();
        ListingDraft fromHistory = listings.findByItem(second.id()).orElseThrow();
        assertThat(fromEbay.evidence().kind()).isEqualTo(PriceKind.ACTIVE_ASKING);
        assertThat(fromEbay.price()).as("asking prices less 10 %").isEqualTo(Money.usd("45.00"));
        assertThat(fromHistory.evidence().kind()).isEqualTo(PriceKind.HISTORY);
        assertThat(fromHistory.evidence().sampleSize()).isEqualTo(3);
        assertThat(fromHistory.evidence().query()).contains("(seen ");
        assertThat(fromHistory.price()).as("the same asking prices, seen before: the same price")
                .isEqualTo(fromEbay.price());
    }

    @Test
    void whenNoSourceHasAPriceTheFastModelsEstimateIsPaidForLabelledAndSentToReview() {
        Item item = anItem("photo-1");
        FakePriceEstimator estimates = new FakePriceEstimator();
        estimator = Optional.of(estimates);

        ProcessOutcome outcome = processItem(new FakeMarketData("market")).process(item.id());

        assertThat(outcome).isInstanceOfSatisfying(ProcessOutcome.NeedsReview.class, r -> assertThat(r.reason())
                .isEqualTo("price_estimated: no market source had a price; 40.00 USD is an estimate by fake-fast for"
                        + " 'canon ae-1', for a person to check"));
        ListingDraft draft = listings.findByItem(item.id()).orElseThrow();
        assertThat(draft.evidence().kind()).isEqualTo(PriceKind.AI_ESTIMATE);
        assertThat(draft.price()).isEqualTo(Money.usd("40.00"));
        assertThat(draft.evidence().low()).isEqualTo(Money.usd("30"));
        assertThat(ledger.entriesFor(item.id())).extracting(entry -> entry.key().step())
                .containsExactlyInAnyOrder("vision-fast", "estimate");
        assertThat(estimates.asked()).singleElement().satisfies(asked -> assertThat(asked.analysis().brand())
                .isEqualTo("Canon"));
    }

    @Test
    void aRetryAfterAPaidEstimateDoesNotPayForItAgain() {
        Item item = anItem("photo-1");
        FakePriceEstimator estimates = new FakePriceEstimator();
        estimator = Optional.of(estimates);
        taxonomy = FakeTaxonomy.filmCameras().down(new ProviderUnavailable("ebay", "server_error", "500",
                Optional.empty()));
        ProcessItem processItem = processItem(new FakeMarketData("market"));

        ProcessOutcome first = processItem.process(item.id());
        taxonomy.down(null);
        clock.advance(Duration.ofMinutes(10));
        ProcessOutcome retried = processItem.process(item.id());

        assertThat(first).isInstanceOf(ProcessOutcome.RetryLater.class);
        assertThat(retried).isInstanceOf(ProcessOutcome.NeedsReview.class);
        assertThat(estimates.asked()).as("the paid estimate is kept for the retry").hasSize(1);
        assertThat(ledger.entriesFor(item.id())).extracting(entry -> entry.key().step())
                .containsExactlyInAnyOrder("vision-fast", "estimate");
    }

    @Test
    void anUnusableEstimateLeavesTheItemWithoutAPriceSayingWhy() {
        Item item = anItem("photo-1");
        estimator = Optional.of(new FakePriceEstimator().unusable());

        assertThat(processItem(new FakeMarketData("market")).process(item.id()))
                .isInstanceOfSatisfying(ProcessOutcome.NeedsReview.class, r -> assertThat(r.reason())
                        .startsWith("no_price: no market source has a price").endsWith("the AI estimate was unusable: fake: not JSON"));
        assertThat(ledger.entriesFor(item.id())).extracting(entry -> entry.key().step()).contains("estimate");
    }

    @Test
    void aMarketPriceNeedsNoEstimate() {
        Item item = anItem("photo-1");
        FakePriceEstimator estimates = new FakePriceEstimator();
        estimator = Optional.of(estimates);

        processItem(new FakeMarketData("market", "10", "20", "30")).process(item.id());

        assertThat(estimates.asked()).isEmpty();
    }

    @Test
    void noPriceAnywhereNeedsReview() {
        Item item = anItem("photo-1");

        assertThat(processItem(new FakeMarketData("market")).process(item.id()))
                .isInstanceOfSatisfying(ProcessOutcome.NeedsReview.class,
                        r -> assertThat(r.reason()).startsWith("no_price"));
    }

    @Test
    void anItemHeldByAnotherWorkersLiveLeaseIsBusyUntilTheLeaseExpires() {
        Item item = anItem("photo-1");
        items.claim(item.id(), "other-worker", clock.instant(), LEASE);
        ProcessItem processItem = processItem(new FakeMarketData("market", "10"));

        assertThat(processItem.process(item.id())).isInstanceOf(ProcessOutcome.Busy.class);

        clock.advance(LEASE.plusSeconds(1));
        assertThat(processItem.process(item.id())).isInstanceOf(ProcessOutcome.Drafted.class);
    }

    @Test
    void theSamePhotosOnAnotherItemAreAnsweredFromTheCacheAtNoCost() {
        Item first = anItem("photo-1");
        Item second = anItem("photo-1");
        ProcessItem processItem = processItem(new FakeMarketData("market", "10"));

        processItem.process(first.id());
        processItem.process(second.id());

        assertThat(vision.calls(Tier.FAST)).isEqualTo(1);
        assertThat(ledger.entriesFor(second.id())).isEmpty();
        assertThat(analyses.findByItem(second.id()).orElseThrow().fromCache()).isTrue();
    }

    @Test
    void anUnusableFastAnswerEscalatesToSmartAndBothCallsArePaidFor() {
        Item item = anItem("photo-1");
        vision.unusableOn(Tier.FAST, OutputProblem.WRONG_ENUM);

        ProcessOutcome outcome = processItem(new FakeMarketData("market", "10")).process(item.id());

        assertThat(outcome).isInstanceOf(ProcessOutcome.Drafted.class);
        assertThat(ledger.entriesFor(item.id())).extracting(CostEntry::tier).containsExactly(Tier.FAST, Tier.SMART);
        assertThat(accepted).singleElement().satisfies(a -> assertThat(a.call().tier()).isEqualTo(Tier.SMART));
    }

    @Test
    void whenNoTierGivesAUsableAnswerTheItemNeedsReviewWithTheReasonAndNothingIsCached() {
        Item item = anItem("photo-1");
        vision.unusableOn(Tier.FAST, OutputProblem.TRUNCATED).unusableOn(Tier.SMART, OutputProblem.REFUSED);
        ProcessItem processItem = processItem(new FakeMarketData("market", "10"));

        ProcessOutcome outcome = processItem.process(item.id());

        assertThat(outcome).isInstanceOfSatisfying(ProcessOutcome.NeedsReview.class,
                review -> assertThat(review.reason()).startsWith("refused: fake refused"));
        assertThat(listings.findByItem(item.id())).isEmpty();
        assertThat(ledger.entriesFor(item.id())).hasSize(2);
        assertThat(accepted).isEmpty();

        Item samePhotos = anItem("photo-1");
        processItem.process(samePhotos.id());
        assertThat(vision.calls(Tier.FAST)).as("an unusable answer is not cached").isEqualTo(2);
    }

    @Test
    void aLowConfidenceFastAnswerIsKeptWhenSmartCannotAnswer() {
        Item item = anItem("photo-1");
        vision.answering(Tier.FAST, 0.55).unusableOn(Tier.SMART, OutputProblem.EMPTY_OUTPUT);

        processItem(new FakeMarketData("market", "10")).process(item.id());

        assertThat(analyses.findByItem(item.id()).orElseThrow().call().tier()).isEqualTo(Tier.FAST);
    }

    @Test
    void blurryPhotosAreLeftOutOfTheRequestAndTheItemAsksForARetake() {
        Item item = anItem("photo-1", "photo-2", "photo-3");
        inspector.finding(new PhotoFindings(Optional.of("9780141036144"),
                List.of(new PhotoProblem(2, PhotoProblem.Kind.BLURRY)), Set.of(3)));

        ProcessOutcome outcome = processItem(new FakeMarketData("market", "10")).process(item.id());

        assertThat(vision.requests()).singleElement().satisfies(request -> {
            assertThat(request.images()).hasSize(1);
            assertThat(request.gtinHint()).contains("9780141036144");
        });
        assertThat(analyses.findByItem(item.id()).orElseThrow().analysis().gtin()).contains("9780141036144");
        assertThat(listings.findByItem(item.id())).isPresent();
        assertThat(outcome).isInstanceOfSatisfying(ProcessOutcome.NeedsReview.class,
                review -> assertThat(review.reason()).isEqualTo("retake_photos: retake photo 2: blurry"));
    }

    @Test
    void whenNoPhotoIsUsableNothingIsPaidFor() {
        Item item = anItem("photo-1");
        inspector.finding(new PhotoFindings(Optional.empty(), List.of(new PhotoProblem(1, PhotoProblem.Kind.DARK)),
                Set.of()));

        ProcessOutcome outcome = processItem(new FakeMarketData("market", "10")).process(item.id());

        assertThat(outcome).isInstanceOfSatisfying(ProcessOutcome.NeedsReview.class,
                review -> assertThat(review.reason()).isEqualTo("retake_photos: retake photo 1: too dark"));
        assertThat(vision.calls(Tier.FAST)).isZero();
        assertThat(budgets.calls()).isEmpty();
    }

    @Test
    void aCallPastTheCapPerItemSendsTheItemToReviewInsteadOfParkingIt() {
        Item item = anItem("photo-1");
        budgets.refuseOnItemCap();

        ProcessOutcome outcome = processItem(new FakeMarketData("market", "10")).process(item.id());

        assertThat(outcome).isInstanceOfSatisfying(ProcessOutcome.NeedsReview.class,
                review -> assertThat(review.reason()).startsWith("item_cap: "));
        assertThat(vision.calls(Tier.FAST)).isZero();
    }

    @Test
    void pastTheSoftLimitAnUnsureFastAnswerIsKeptAndSmartIsNotAsked() {
        Item item = anItem("photo-1");
        vision.answering(Tier.FAST, 0.55);
        Budget budget = new Budget(Period.DAILY, ZoneOffset.UTC, Money.usd("10"), Optional.of(Money.usd("5")),
                Optional.empty());
        budgets.standWith(new Standing(owner, Optional.of(budget), budget.windowAt(clock.instant()),
                Money.usd("6"), Money.usd("0")));

        processItem(new FakeMarketData("market", "10")).process(item.id());

        assertThat(vision.calls(Tier.SMART)).isZero();
        assertThat(analyses.findByItem(item.id()).orElseThrow().call().tier()).isEqualTo(Tier.FAST);
    }

    @Test
    void aRetryReusesTheFastAnswerItPaidForAndAsksSmartNext() {
        Item item = anItem("photo-1");
        vision.unusableOn(Tier.FAST, OutputProblem.REFUSED).failingSmartWith(
                new ProviderUnavailable("fake", "overloaded", "529", Optional.empty()));
        ProcessItem processItem = processItem(new FakeMarketData("market", "10"));

        processItem.process(item.id()); // FAST paid (unusable, so not cached), SMART fails: a retry of the attempt
        clock.advance(Duration.ofMinutes(15));
        vision.failingSmartWith(null);
        processItem.process(item.id());

        assertThat(items.findById(item.id()).orElseThrow().status()).isEqualTo(ItemStatus.DRAFTED);
        assertThat(vision.calls(Tier.FAST)).isEqualTo(1);
        assertThat(vision.calls(Tier.SMART)).isEqualTo(2);
        assertThat(ledger.entriesFor(item.id())).extracting(e -> e.key().step())
                .containsExactly("vision-fast", "vision-smart");
        assertThat(budgets.calls()).filteredOn(call -> call.startsWith("reserve"))
                .containsExactly("reserve vision-fast", "reserve vision-smart", "reserve vision-smart");
    }

    @Test
    void aCallThatMayHaveBeenChargedIsRecordedAsAnEstimateAndItsRetryUnderItsOwnKey() {
        Item item = anItem("photo-1");
        vision.unusableOn(Tier.FAST, OutputProblem.REFUSED).failingSmartWith(ProviderUnavailable.afterSending(
                "fake", "timeout", "no answer within PT2M", new Usage(2_000, 0, 0, 0, 1)));
        ProcessItem processItem = processItem(new FakeMarketData("market", "10"));

        processItem.process(item.id());
        clock.advance(Duration.ofMinutes(15));
        vision.failingSmartWith(null);
        processItem.process(item.id());

        List<CostEntry> entries = ledger.entriesFor(item.id());
        assertThat(entries).extracting(e -> e.key().step())
                .containsExactly("vision-fast", "vision-smart", "vision-smart-2");
        assertThat(entries).extracting(CostEntry::estimated).containsExactly(false, true, false);
        assertThat(entries.get(1).cost()).isEqualTo(Money.usd("0.006")); // 2,000 input tokens at $3 / M
        assertThat(budgets.calls()).doesNotContain("release");
        assertThat(ledger.totalFor(item.id())).isEqualTo(entries.stream().map(CostEntry::cost)
                .reduce(Money.usd("0"), Money::plus));
    }

    @Test
    void withSmartPausedAnUnsureFastAnswerIsDraftedForReviewLabelledDegraded() {
        Item item = anItem("photo-1");
        vision.answering(Tier.FAST, 0.4).failingSmartWith(new ProviderUnavailable("fake", ProviderUnavailable.BREAKER_OPEN,
                "fake-smart is paused after repeated faults", Optional.of(Duration.ofSeconds(20))));

        processItem(new FakeMarketData("market", "10")).process(item.id());

        Item settled = items.findById(item.id()).orElseThrow();
        assertThat(settled.status()).isEqualTo(ItemStatus.NEEDS_REVIEW);
        assertThat(settled.reason()).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("degraded: smart_unavailable: ").contains("paused"));
        assertThat(listings.findByItem(item.id())).isPresent();
        assertThat(analyses.findByItem(item.id()).orElseThrow().degraded()).isPresent();
        assertThat(ledger.entriesFor(item.id())).extracting(e -> e.key().step()).containsExactly("vision-fast");
    }

    @Test
    void withSmartPausedAndNoUsableFastAnswerTheItemWaitsForTheBreakerWithoutUsingARetry() {
        Item item = anItem("photo-1");
        vision.unusableOn(Tier.FAST, OutputProblem.REFUSED).failingSmartWith(new ProviderUnavailable("fake",
                ProviderUnavailable.BREAKER_OPEN, "paused", Optional.of(Duration.ofSeconds(20))));

        processItem(new FakeMarketData("market", "10")).process(item.id());

        Item waiting = items.findById(item.id()).orElseThrow();
        assertThat(waiting.status()).isEqualTo(ItemStatus.RECEIVED);
        assertThat(waiting.retries()).isZero();
        assertThat(waiting.providersWait()).isTrue();
        assertThat(waiting.nextAttemptAt()).contains(clock.instant().plusSeconds(20));
    }

    @Test
    void aCallThatFailedBeforeItWasSentCostsNothingAndReleasesItsReservation() {
        Item item = anItem("photo-1");
        vision.failingWith(new ProviderUnavailable("fake", "unreachable", "connection refused", Optional.empty()));

        processItem(new FakeMarketData("market", "10")).process(item.id());

        assertThat(ledger.entriesFor(item.id())).isEmpty();
        assertThat(budgets.calls()).containsExactly("reserve vision-fast", "release");
    }

    @Test
    void aRunThatLostItsLeaseChangesNothingWhileBothRunsPaidCallsAreRecorded() throws Exception {
        Item item = anItem("photo-1");
        CountDownLatch staleInVision = new CountDownLatch(1);
        CountDownLatch staleMayAnswer = new CountDownLatch(1);
        VisionModel stalling = new VisionModel() {
            @Override
            public String provider() {
                return vision.provider();
            }

            @Override
            public String modelFor(Tier tier) {
                return vision.modelFor(tier);
            }

            @Override
            public VisionResult analyze(VisionRequest request) {
                staleInVision.countDown();
                try {
                    staleMayAnswer.await(10, TimeUnit.SECONDS); // a long call, or a frozen instance
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return vision.analyze(request);
            }

            @Override
            public Usage worstCase(VisionRequest request) {
                return vision.worstCase(request);
            }
        };
        CompletableFuture<ProcessOutcome> stale = CompletableFuture.supplyAsync(
                () -> processItem(stalling, new FakeMarketData("market", "10")).process(item.id()));
        assertThat(staleInVision.await(10, TimeUnit.SECONDS)).isTrue();
        clock.advance(LEASE.plusSeconds(1)); // its lease runs out: another instance takes the item over

        ProcessOutcome current = processItem(new FakeMarketData("market", "12")).process(item.id());
        staleMayAnswer.countDown();

        assertThat(current).isInstanceOf(ProcessOutcome.Drafted.class);
        assertThat(stale.get(10, TimeUnit.SECONDS)).isInstanceOf(ProcessOutcome.LeaseLost.class);
        assertThat(items.findById(item.id()).orElseThrow().status()).isEqualTo(ItemStatus.DRAFTED);
        assertThat(listings.findByItem(item.id()).orElseThrow().price().amount()).as("the current run's draft")
                .isEqualByComparingTo("12");
        List<CostEntry> paid = ledger.entriesFor(item.id());
        assertThat(paid).as("both runs' calls, under keys of their own").hasSize(2)
                .extracting(entry -> entry.key().value()).doesNotHaveDuplicates();
        assertThat(budgets.calls()).filteredOn(call -> call.startsWith("settle "))
                .containsExactlyInAnyOrderElementsOf(paid.stream().map(entry -> "settle " + entry.cost()).toList());
        assertThat(vision.calls(Tier.FAST)).isEqualTo(2);
    }

    private ProcessItem processItem(MarketData... sources) {
        return processItem(vision, sources);
    }

    private ProcessItem processItem(List<MarketData> sources, PriceHistory history) {
        ProcessingSettings settings = new ProcessingSettings("worker-a", LEASE, "p1", 0.6, 0.5,
                Currency.getInstance("USD"), RetryPolicy.DEFAULT, ProcessingSettings.heartbeatFor(LEASE), PricingPolicy.DEFAULT);
        InMemoryCache cache = new InMemoryCache();
        AnalysePhotos analyser = new AnalysePhotos(vision, photos, inspector, cache,
                new Spending(budgets, ledger, prices, clock), clock, settings, accepted::add);
        return new ProcessItem(items, analyses, listings, analyser, sources, history, Optional.empty(), taxonomy, cache,
                clock, settings,
                Redactor.withSecrets(List.of(CONFIGURED_KEY)));
    }

    /** A ProcessItem with a cache of its own, as on an instance of its own. */
    private ProcessItem processItem(VisionModel model, MarketData... sources) {
        ProcessingSettings settings = new ProcessingSettings("worker-a", LEASE, "p1", 0.6, 0.5,
                Currency.getInstance("USD"), RetryPolicy.DEFAULT, ProcessingSettings.heartbeatFor(LEASE), PricingPolicy.DEFAULT);
        InMemoryCache cache = new InMemoryCache();
        AnalysePhotos analyser = new AnalysePhotos(model, photos, inspector, cache,
                new Spending(budgets, ledger, prices, clock), clock, settings, accepted::add);
        return new ProcessItem(items, analyses, listings, analyser, List.of(sources), PriceHistory.NONE, estimator,
                taxonomy, cache,
                clock, settings,
                Redactor.withSecrets(List.of(CONFIGURED_KEY)));
    }

    private Item anItem(String... photoContents) {
        List<Photo> stored = new ArrayList<>();
        for (String content : photoContents) {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            Photo photo = new Photo(ContentHash.of(bytes), "image/jpeg", 100, 80, bytes.length);
            photos.put(new NormalizedPhoto(photo, bytes));
            stored.add(photo);
        }
        Item item = Item.received(ItemId.random(), owner, Priority.NORMAL, Optional.empty(), stored,
                clock.instant());
        items.insert(item);
        return item;
    }
}
