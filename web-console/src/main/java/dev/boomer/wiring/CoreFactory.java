package dev.boomer.wiring;

import dev.boomer.application.budgets.ManageBudgets;
import dev.boomer.application.budgets.ResumeParkedItems;
import dev.boomer.application.cache.CacheReport;
import dev.boomer.application.intake.SubmitItem;
import dev.boomer.application.items.RequeueItem;
import dev.boomer.application.items.RetryItemNow;
import dev.boomer.application.items.ViewItems;
import dev.boomer.application.items.ViewPhotos;
import dev.boomer.application.processing.AnalysePhotos;
import dev.boomer.application.processing.AnalysisListener;
import dev.boomer.application.processing.ProcessItem;
import dev.boomer.application.processing.RepriceStaleDrafts;
import dev.boomer.application.processing.ProcessingSettings;
import dev.boomer.application.processing.Spending;
import dev.boomer.application.users.Authenticate;
import dev.boomer.application.users.CreateUser;
import dev.boomer.application.users.ManageTokens;
import dev.boomer.domain.budget.BudgetBook;
import dev.boomer.domain.budget.Budgets;
import dev.boomer.domain.cache.Cache;
import dev.boomer.domain.cache.CacheStatistics;
import dev.boomer.domain.security.Redactor;
import dev.boomer.domain.cost.CostLedger;
import dev.boomer.domain.cost.ModelPrice;
import dev.boomer.domain.cost.PriceTable;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.listing.ListingRepository;
import dev.boomer.domain.listing.PricingPolicy;
import dev.boomer.domain.market.HistorySource;
import dev.boomer.domain.market.MarketData;
import dev.boomer.domain.market.PriceHistory;
import dev.boomer.domain.photo.PhotoNormalizer;
import dev.boomer.domain.taxonomy.Taxonomy;
import dev.boomer.domain.photo.PhotoStore;
import dev.boomer.domain.user.Credentials;
import dev.boomer.domain.user.UserRepository;
import dev.boomer.domain.vision.AnalysisRepository;
import dev.boomer.domain.vision.PhotoInspector;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.VisionModel;
import dev.boomer.domain.work.InstanceName;
import dev.boomer.domain.work.WorkQueue;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The composition root: plain use cases wired to whichever adapters configuration selected. */
@Factory
class CoreFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Fails at startup when the active vision provider uses a model without a price: never a silent $0. */
    @Context
    PriceTable priceTable(List<ModelPriceProperties> rows, VisionModel vision) {
        Map<String, ModelPrice> prices = rows.stream().collect(Collectors.toMap(
                ModelPriceProperties::model, ModelPriceProperties::toPrice, (a, b) -> b));
        PriceTable table = new PriceTable(prices);
        table.requirePricesFor(EnumSet.allOf(Tier.class).stream().map(vision::modelFor).collect(Collectors.toSet()));
        return table;
    }

    @Singleton
    ProcessingSettings processingSettings(ProcessingProperties properties,
                                          @Value("${boomer.worker-name:}") String workerName,
                                          @Value("${boomer.market.asking-discount:0.10}") BigDecimal askingDiscount) {
        String worker = InstanceName.of(workerName).value();
        return new ProcessingSettings(worker, properties.lease(), properties.promptVersion(),
                properties.escalateBelow(), properties.reviewBelow(), Currency.getInstance(properties.currency()),
                properties.retries(), properties.heartbeat().orElse(ProcessingSettings.heartbeatFor(properties.lease())),
                new PricingPolicy(askingDiscount));
    }

    @Singleton
    SubmitItem submitItem(PhotoNormalizer normalizer, PhotoStore photos, ItemRepository items, WorkQueue queue,
                          Clock clock) {
        return new SubmitItem(normalizer, photos, items, queue, clock);
    }

    @Singleton
    AnalysePhotos analysePhotos(VisionModel vision, PhotoStore photos, PhotoInspector inspector, Cache cache,
                                Budgets budgets, CostLedger ledger, PriceTable prices, Clock clock,
                                ProcessingSettings settings, AnalysisListener listener) {
        return new AnalysePhotos(vision, photos, inspector, cache, new Spending(budgets, ledger, prices, clock), clock,
                settings, listener);
    }

    @Singleton
    ProcessItem processItem(ItemRepository items, AnalysisRepository analyses, ListingRepository listings,
                            AnalysePhotos analyser, MarketSources marketSources, PriceHistory history,
                            Taxonomy taxonomy, Cache cache, Clock clock, ProcessingSettings settings,
                            Redactor redactor) {
        return new ProcessItem(items, analyses, listings, analyser, marketSources.inOrder(), history,
                marketSources.estimator(), taxonomy, cache, clock, settings, redactor);
    }

    @Singleton
    RepriceStaleDrafts repriceStaleDrafts(ItemRepository items, AnalysisRepository analyses,
                                          ListingRepository listings, MarketSources marketSources,
                                          PriceHistory history, Cache cache, Clock clock, ProcessingSettings settings) {
        return new RepriceStaleDrafts(items, analyses, listings, marketSources.inOrder(), history, cache, clock,
                settings);
    }

    /** Boomer's own price history as a market source, for when the live one is down or thin. */
    @Singleton
    MarketData historySource(PriceHistory history, Clock clock) {
        return new HistorySource(history, clock);
    }

    @Singleton
    ResumeParkedItems resumeParkedItems(ItemRepository items, Budgets budgets, WorkQueue queue, Clock clock) {
        return new ResumeParkedItems(items, budgets, queue, clock);
    }

    @Singleton
    ManageBudgets manageBudgets(BudgetBook book, Budgets budgets, ItemRepository items, ResumeParkedItems resume) {
        return new ManageBudgets(book, budgets, items, resume);
    }

    @Singleton
    RequeueItem requeueItem(ItemRepository items, WorkQueue queue, Clock clock) {
        return new RequeueItem(items, queue, clock);
    }

    @Singleton
    RetryItemNow retryItemNow(ItemRepository items, WorkQueue queue, Clock clock) {
        return new RetryItemNow(items, queue, clock);
    }

    @Singleton
    ViewItems viewItems(ItemRepository items, AnalysisRepository analyses, ListingRepository listings,
                        CostLedger ledger) {
        return new ViewItems(items, analyses, listings, ledger);
    }

    @Singleton
    CacheReport cacheReport(CacheStatistics statistics, AnalysisRepository analyses, PriceTable prices) {
        return new CacheReport(statistics, analyses, prices);
    }

    @Singleton
    ViewPhotos viewPhotos(ItemRepository items, PhotoStore photos) {
        return new ViewPhotos(items, photos);
    }

    @Singleton
    CreateUser createUser(UserRepository users, Credentials credentials, Clock clock) {
        return new CreateUser(users, credentials, clock);
    }

    @Singleton
    ManageTokens manageTokens(Credentials credentials, Clock clock) {
        return new ManageTokens(credentials, clock);
    }

    @Singleton
    Authenticate authenticate(UserRepository users, Credentials credentials) {
        return new Authenticate(users, credentials);
    }

}
