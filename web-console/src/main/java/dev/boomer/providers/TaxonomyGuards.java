package dev.boomer.providers;

import dev.boomer.domain.taxonomy.Taxonomy;
import dev.boomer.resilience.GuardedTaxonomy;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

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

    private final ConfiguredGuards guards;

    TaxonomyGuards(ConfiguredGuards guards) {
        this.guards = guards;
    }

    @Override
    public Taxonomy onCreated(BeanCreatedEvent<Taxonomy> event) {
        Taxonomy taxonomy = event.getBean();
        if (taxonomy instanceof GuardedTaxonomy) {
            return taxonomy;
        }
        String provider = guards.property("boomer.market.provider", "simulated");
        return new GuardedTaxonomy(taxonomy, guards.guard(provider, MODEL,
                "boomer.market." + provider + ".taxonomy-limits"));
    }
}
