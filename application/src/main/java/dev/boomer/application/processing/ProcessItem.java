package dev.boomer.application.processing;

import dev.boomer.domain.cache.Cache;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.listing.ListingComposer;
import dev.boomer.domain.listing.ListingDraft;
import dev.boomer.domain.listing.ListingRepository;
import dev.boomer.domain.listing.ListingRules;
import dev.boomer.domain.market.MarketData;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.market.PriceEstimator;
import dev.boomer.domain.market.PriceHistory;
import dev.boomer.domain.market.PriceKind;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.provider.ProviderRejected;
import dev.boomer.domain.provider.ProviderUnavailable;
import dev.boomer.domain.security.Redactor;
import dev.boomer.domain.taxonomy.Taxonomy;
import dev.boomer.domain.vision.AnalysisRepository;
import dev.boomer.domain.vision.ItemAnalysis;
import dev.boomer.domain.vision.VisionAnalysis;
import dev.boomer.domain.vision.PhotoFindings;
import dev.boomer.domain.vision.VisionImage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs one item through the pipeline: claim, vision, market quote, category, listing draft and its rules.
 * Idempotent: whoever claims the item runs it; what is already stored (the analysis, the cost entries) is
 * not paid for again, and a second run of a settled item does nothing. The run renews its lease while it works, and every
 * result it writes is fenced by that lease: a run that lost it (its instance stalled past the lease and
 * another took the item over) stops at its next write. Money is never fenced: its paid calls are recorded.
 */
public final class ProcessItem {

    /** The reason of every draft priced by the AI estimate: a person checks the price. */
    public static final String PRICE_ESTIMATED = "price_estimated";

    /** Renews the leases of running items; one daemon thread, renewals are one short UPDATE each. */
    private static final ScheduledExecutorService HEARTBEATS = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("boomer-lease-heartbeat").daemon().factory());

    private final ItemRepository items;
    private final AnalysisRepository analyses;
    private final ListingRepository listings;
    private final AnalysePhotos analyser;
    private final QuotePrice pricer;
    private final ChooseCategory categories;
    private final Optional<EstimatePrice> estimates;
    private final Clock clock;
    private final ProcessingSettings settings;
    private final Redactor redactor;

    /** @param redactor cleans every reason stored on an item: they quote providers, who may echo a key */
    public ProcessItem(ItemRepository items, AnalysisRepository analyses, ListingRepository listings,
                       AnalysePhotos analyser, List<MarketData> marketSources, PriceHistory history,
                       Optional<PriceEstimator> estimator, Taxonomy taxonomy, Cache cache, Clock clock,
                       ProcessingSettings settings, Redactor redactor) {
        this.items = items;
        this.analyses = analyses;
        this.listings = listings;
        this.analyser = analyser;
        this.pricer = new QuotePrice(marketSources, history, cache, settings);
        this.categories = new ChooseCategory(taxonomy, cache);
        this.estimates = estimator.map(e -> new EstimatePrice(e, analyser.spending(), cache, clock, settings));
        this.clock = clock;
        this.settings = settings;
        this.redactor = redactor;
    }

    /**
     * The item a free worker should run next, whichever job it runs for: the most urgent, oldest due item.
     * JobRunr starts jobs oldest first; this is where priority decides. A job that runs another item than
     * its own gives its own a fresh job, so no item is left without one.
     *
     * @param tried items this job tried already (another worker had them)
     */
    public Optional<ItemId> mostUrgentDue(Set<ItemId> tried) {
        return items.mostUrgentDue(clock.instant(), tried);
    }

    public ProcessOutcome process(ItemId id) {
        String token = Run.newToken();
        String holder = settings.worker() + "#" + token;
        Optional<Item> claimed = items.claim(id, holder, clock.instant(), settings.lease());
        if (claimed.isEmpty()) {
            return notClaimed(id);
        }
        Run run = new Run(claimed.get(), holder, token);
        ScheduledFuture<?> heartbeat = HEARTBEATS.scheduleAtFixedRate(() -> renew(run),
                settings.heartbeat().toMillis(), settings.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        try {
            return outcomeOf(run);
        } catch (LeaseLost lost) {
            return new ProcessOutcome.LeaseLost(id);
        } finally {
            heartbeat.cancel(false);
        }
    }

    private ProcessOutcome outcomeOf(Run run) {
        try {
            return draft(run);
        } catch (LeaseLost lost) {
            throw lost;
        } catch (StageStop stop) {
            return stop.waitsFor().isPresent() ? park(run, stop.reason(), stop.waitsFor().get())
                    : settle(run, stop.status(), stop.reason());
        } catch (ProviderUnavailable outage) {
            String reason = "provider_unavailable: " + outage.getMessage();
            return outage.retryAfter().isPresent() ? waitFor(run, reason, outage.retryAfter().get())
                    : retry(run, reason);
        } catch (ProviderRejected rejected) {
            return settle(run, ItemStatus.FAILED, "provider_rejected: " + rejected.getMessage());
        } catch (RuntimeException unexpected) {
            return retry(run, "error: " + Optional.ofNullable(unexpected.getMessage()).orElse(unexpected.toString()));
        }
    }

    /** A transient fault: try again after a backoff, or give up after the last try of this attempt. */
    private ProcessOutcome retry(Run run, String unredacted) {
        Item item = run.item();
        RetryPolicy policy = settings.retries();
        if (policy.exhaustedAfter(item.retries())) {
            return settle(run, ItemStatus.FAILED, "gave_up: " + unredacted);
        }
        Instant now = clock.instant();
        Instant at = now.plus(policy.delayBefore(item.retries() + 1, ThreadLocalRandom.current()));
        return waitUntil(run, item.waitingUntil(at, redactor.redact(unredacted), true, now), true);
    }

    /** The provider asked to be left alone for a while: no fault, no retry counted, and never earlier. */
    private ProcessOutcome waitFor(Run run, String unredacted, Duration wait) {
        Instant now = clock.instant();
        return waitUntil(run, run.item().waitingUntil(now.plus(wait), redactor.redact(unredacted), false, now), false);
    }

    private ProcessOutcome waitUntil(Run run, Item waiting, boolean fault) {
        store(run, waiting);
        return new ProcessOutcome.RetryLater(waiting.id(), waiting, waiting.reason().orElseThrow(), fault);
    }

    private ProcessOutcome draft(Run run) {
        Item item = run.item();
        List<VisionImage> images = analyser.imagesOf(item);
        PhotoFindings findings = analyser.inspect(images);
        ItemAnalysis analysis = analyses.findByItem(item.id()).orElseGet(() -> {
            ItemAnalysis fresh = analyser.analyse(run, images, findings, pricer::productFor);
            fence(run);
            analyses.save(fresh);
            return fresh;
        });
        MarketQuote quote = quote(run, analysis.analysis());
        ChooseCategory.Choice category = categories.choose(analysis.analysis());
        ListingDraft draft = ListingComposer.compose(item.id(), analysis.analysis(), quote, settings.pricing(),
                category.form(), clock.instant());
        fence(run);
        listings.save(draft);
        if (analysis.degraded().isPresent()) {
            return settle(run, ItemStatus.NEEDS_REVIEW, "degraded: " + analysis.degraded().get());
        }
        if (findings.retakeAdvice().isPresent()) {
            // The draft is made from the good photos, but a blurry or dark photo would be listed too.
            return settle(run, ItemStatus.NEEDS_REVIEW, "retake_photos: " + findings.retakeAdvice().get());
        }
        List<String> review = new ArrayList<>();
        if (quote.kind() == PriceKind.AI_ESTIMATE) {
            review.add(PRICE_ESTIMATED + ": no market source had a price; " + quote.median() + " is "
                    + quote.query() + ", for a person to check");
        }
        ListingRules.check(draft, category.form()).stream().map(category::reasonFor).forEach(review::add);
        if (!review.isEmpty()) {
            return settle(run, ItemStatus.NEEDS_REVIEW, String.join("; ", review));
        }
        if (draft.confidence() < settings.reviewBelow()) {
            return settle(run, ItemStatus.NEEDS_REVIEW, String.format(Locale.ROOT,
                    "low_confidence: the draft's confidence %.2f is below %.2f", draft.confidence(),
                    settings.reviewBelow()));
        }
        store(run, item.drafted(clock.instant()));
        return new ProcessOutcome.Drafted(item.id());
    }

    /** The market's price, or, when no source has one, the model's estimate as the labelled last resort. */
    private MarketQuote quote(Run run, VisionAnalysis analysis) {
        try {
            return pricer.quote(analysis);
        } catch (StageStop noPrice) {
            if (estimates.isEmpty() || !QuotePrice.NO_PRICE.equals(noPrice.code())) {
                throw noPrice;
            }
            return estimates.get().estimate(run, analysis, noPrice.detail());
        }
    }

    private ProcessOutcome settle(Run run, ItemStatus status, String unredacted) {
        var now = clock.instant();
        String reason = redactor.redact(unredacted);
        return switch (status) {
            case NEEDS_REVIEW -> {
                store(run, run.item().needsReview(reason, now));
                yield new ProcessOutcome.NeedsReview(run.item().id(), reason);
            }
            case FAILED -> {
                store(run, run.item().failed(reason, now));
                yield new ProcessOutcome.Failed(run.item().id(), reason);
            }
            default -> throw new IllegalStateException("a stage cannot end an item as " + status);
        };
    }

    private ProcessOutcome park(Run run, String unredacted, Money waitsFor) {
        String reason = redactor.redact(unredacted);
        store(run, run.item().parked(reason, waitsFor, clock.instant()));
        return new ProcessOutcome.Parked(run.item().id(), reason);
    }

    /** The run's result, written only while the run still holds the item. */
    private void store(Run run, Item result) {
        if (!items.updateHeld(result, run.holder())) {
            throw new LeaseLost();
        }
    }

    /**
     * Before a result that is not the item's own row: renewed, the lease is the run's for a whole lease
     * more, so nobody can take the item over before the write that follows.
     */
    private void fence(Run run) {
        if (!items.renewLease(run.item().id(), run.holder(), clock.instant(), settings.lease())) {
            throw new LeaseLost();
        }
    }

    private void renew(Run run) {
        try {
            items.renewLease(run.item().id(), run.holder(), clock.instant(), settings.lease());
        } catch (RuntimeException e) {
            // the next beat tries again; a lease lost meanwhile stops the run at its next write
        }
    }

    /** The run's lease ran out and another worker took the item: this run stops and changes nothing more. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super(null, null, false, false);
        }
    }

    private ProcessOutcome notClaimed(ItemId id) {
        return items.findById(id)
                .<ProcessOutcome>map(item -> switch (item.status()) {
                    case PROCESSING -> new ProcessOutcome.Busy(id);
                    case RECEIVED -> item.isDue(clock.instant()) ? new ProcessOutcome.Skipped(id, "item is due")
                            : new ProcessOutcome.NotDue(id, item);
                    default -> new ProcessOutcome.Skipped(id, "item is " + item.status());
                })
                .orElseGet(() -> new ProcessOutcome.Skipped(id, "no such item"));
    }
}
