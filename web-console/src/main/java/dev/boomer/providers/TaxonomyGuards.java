package dev.boomer.providers;

import dev.boomer.adapter.ai.guard.GuardConfig;
import dev.boomer.domain.taxonomy.Taxonomy;
import dev.boomer.resilience.BucketStore;
import dev.boomer.resilience.GuardListener;
import dev.boomer.resilience.GuardedTaxonomy;
import dev.boomer.resilience.Limits;
import dev.boomer.resilience.ProviderGuard;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Puts the market provider's category tree behind a guard of its own as it is created: provider
 * {@code boomer.market.provider}, model {@value #MODEL}, configured by
 * {@code boomer.market.<provider>.taxonomy-limits.requests-per-minute}, {@code .calls-per-day} and
 * {@code .max-concurrent} (none by default; eBay's in application.yml), with the breaker settings every
 * provider shares. Its calls are counted apart from the market searches.
 */
@Singleton
final class TaxonomyGuards implements BeanCreatedEventListener<Taxonomy> {

    /** What the Adapters page and the meters call a category tree's guarded "model". */
    static final String MODEL = "taxonomy";

    private final PropertyResolver config;
    private final BeanProvider<BucketStore> buckets;
    private final BeanProvider<GuardListener> listener;

    TaxonomyGuards(PropertyResolver config, BeanProvider<BucketStore> buckets, BeanProvider<GuardListener> listener) {
        this.config = config;
        this.buckets = buckets;
        this.listener = listener;
    }

    @Override
    public Taxonomy onCreated(BeanCreatedEvent<Taxonomy> event) {
        Taxonomy taxonomy = event.getBean();
        if (taxonomy instanceof GuardedTaxonomy) {
            return taxonomy;
        }
        String provider = config.get("boomer.market.provider", String.class).orElse("simulated");
        Limits limits = GuardConfig.limits(config, "boomer.market." + provider + ".taxonomy-limits", Limits.NONE);
        return new GuardedTaxonomy(taxonomy, new ProviderGuard(provider, MODEL, limits,
                GuardConfig.breaker(config), GuardConfig.maxQueueWait(config),
                buckets.find(null).orElseGet(BucketStore::inMemory), Clock.systemUTC(),
                listener.find(null).orElse(GuardListener.NONE)));
    }
}
