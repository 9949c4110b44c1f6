package dev.boomer.application.processing;

import dev.boomer.domain.cache.Cache;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.listing.ListingComposer;
import dev.boomer.domain.listing.ListingDraft;
import dev.boomer.domain.listing.ListingRepository;
import dev.boomer.domain.market.MarketData;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.provider.ProviderRejected;
import dev.boomer.domain.provider.ProviderUnavailable;
import dev.boomer.domain.security.Redactor;
import dev.boomer.domain.vision.AnalysisRepository;
import dev.boomer.domain.vision.ItemAnalysis;
import dev.boomer.domain.vision.PhotoFindings;
import dev.boomer.domain.vision.VisionImage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs one item through the pipeline: claim, vision, market quote, listing draft. Idempotent: whoever
 * claims the item runs it; what is already stored (the analysis, the cost entries) is not paid for again,
 * and a second run of a settled item does nothing.
 */
public final class ProcessItem {

    private final ItemRepository items;
    private final AnalysisRepository analyses;
    private final ListingRepository listings;
    private final AnalysePhotos analyser;
    private final QuotePrice pricer;
    private final Clock clock;
    private final ProcessingSettings settings;
    private final Redactor redactor;

    /** @param redactor cleans every reason stored on an item: they quote providers, who may echo a key */
    public ProcessItem(ItemRepository items, AnalysisRepository analyses, ListingRepository listings,
                       AnalysePhotos analyser, List<MarketData> marketSources, Cache cache, Clock clock,
                       ProcessingSettings settings, Redactor redactor) {
        this.items = items;
        this.analyses = analyses;
        this.listings = listings;
        this.analyser = analyser;
        this.pricer = new QuotePrice(marketSources, cache, settings);
        this.clock = clock;
        this.settings = settings;
        this.redactor = redactor;
    }

    public ProcessOutcome process(ItemId id) {
        Optional<Item> claimed = items.claim(id, settings.worker(), clock.instant(), settings.lease());
        if (claimed.isEmpty()) {
            return notClaimed(id);
        }
        Item item = claimed.get();
        try {
            return draft(item);
        } catch (StageStop stop) {
            return stop.waitsFor().isPresent() ? park(item, stop.reason(), stop.waitsFor().get())
                    : settle(item, stop.status(), stop.reason());
        } catch (ProviderUnavailable outage) {
            String reason = "provider_unavailable: " + outage.getMessage();
            return outage.retryAfter().isPresent() ? waitFor(item, reason, outage.retryAfter().get())
                    : retry(item, reason);
        } catch (ProviderRejected rejected) {
            return settle(item, ItemStatus.FAILED, "provider_rejected: " + rejected.getMessage());
        } catch (RuntimeException unexpected) {
            return retry(item, "error: " + Optional.ofNullable(unexpected.getMessage()).orElse(unexpected.toString()));
        }
    }

    /** A transient fault: try again after a backoff, or give up after the last try of this attempt. */
    private ProcessOutcome retry(Item item, String unredacted) {
        RetryPolicy policy = settings.retries();
        if (policy.exhaustedAfter(item.retries())) {
            return settle(item, ItemStatus.FAILED, "gave_up: " + unredacted);
        }
        Instant now = clock.instant();
        Instant at = now.plus(policy.delayBefore(item.retries() + 1, ThreadLocalRandom.current()));
        return waitUntil(item.waitingUntil(at, redactor.redact(unredacted), true, now), true);
    }

    /** The provider asked to be left alone for a while: no fault, no retry counted, and never earlier. */
    private ProcessOutcome waitFor(Item item, String unredacted, Duration wait) {
        Instant now = clock.instant();
        return waitUntil(item.waitingUntil(now.plus(wait), redactor.redact(unredacted), false, now), false);
    }

    private ProcessOutcome waitUntil(Item waiting, boolean fault) {
        items.update(waiting);
        return new ProcessOutcome.RetryLater(waiting.id(), waiting, waiting.reason().orElseThrow(), fault);
    }

    private ProcessOutcome draft(Item item) {
        List<VisionImage> images = analyser.imagesOf(item);
        PhotoFindings findings = analyser.inspect(images);
        ItemAnalysis analysis = analyses.findByItem(item.id()).orElseGet(() -> {
            ItemAnalysis fresh = analyser.analyse(item, images, findings);
            analyses.save(fresh);
            return fresh;
        });
        MarketQuote quote = pricer.quote(analysis.analysis());
        ListingDraft draft = ListingComposer.compose(item.id(), analysis.analysis(), quote, clock.instant());
        listings.save(draft);
        if (findings.retakeAdvice().isPresent()) {
            // The draft is made from the good photos, but a blurry or dark photo would be listed too.
            return settle(item, ItemStatus.NEEDS_REVIEW, "retake_photos: " + findings.retakeAdvice().get());
        }
        if (draft.confidence() < settings.reviewBelow()) {
            return settle(item, ItemStatus.NEEDS_REVIEW, String.format(Locale.ROOT,
                    "low_confidence: the draft's confidence %.2f is below %.2f", draft.confidence(),
                    settings.reviewBelow()));
        }
        items.update(item.drafted(clock.instant()));
        return new ProcessOutcome.Drafted(item.id());
    }

    private ProcessOutcome settle(Item item, ItemStatus status, String unredacted) {
        var now = clock.instant();
        String reason = redactor.redact(unredacted);
        return switch (status) {
            case NEEDS_REVIEW -> {
                items.update(item.needsReview(reason, now));
                yield new ProcessOutcome.NeedsReview(item.id(), reason);
            }
            case FAILED -> {
                items.update(item.failed(reason, now));
                yield new ProcessOutcome.Failed(item.id(), reason);
            }
            default -> throw new IllegalStateException("a stage cannot end an item as " + status);
        };
    }

    private ProcessOutcome park(Item item, String unredacted, Money waitsFor) {
        String reason = redactor.redact(unredacted);
        items.update(item.parked(reason, waitsFor, clock.instant()));
        return new ProcessOutcome.Parked(item.id(), reason);
    }

    private ProcessOutcome notClaimed(ItemId id) {
        return items.findById(id)
                .<ProcessOutcome>map(item -> switch (item.status()) {
                    case PROCESSING -> new ProcessOutcome.Busy(id);
                    case RECEIVED -> new ProcessOutcome.Skipped(id, "item waits until "
                            + item.nextAttemptAt().map(Object::toString).orElse("its turn"));
                    default -> new ProcessOutcome.Skipped(id, "item is " + item.status());
                })
                .orElseGet(() -> new ProcessOutcome.Skipped(id, "no such item"));
    }
}
