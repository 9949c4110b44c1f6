package dev.boomer.resilience;

import dev.boomer.domain.item.Priority;
import dev.boomer.domain.taxonomy.Category;
import dev.boomer.domain.taxonomy.CategoryAspects;
import dev.boomer.domain.taxonomy.ConditionPolicy;
import dev.boomer.domain.taxonomy.Taxonomy;
import dev.boomer.domain.vision.Usage;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A category tree behind its guard: its breaker, its requests per minute and calls per day, counted apart
 * from the market searches (eBay limits each API on its own). A tree that is paused or out of calls is
 * refused like a down one: the item waits for it.
 */
public final class GuardedTaxonomy implements Taxonomy {

    private final Taxonomy delegate;
    private final ProviderGuard guard;

    public GuardedTaxonomy(Taxonomy delegate, ProviderGuard guard) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Optional<Category> suggest(String words) {
        return guarded(() -> delegate.suggest(words));
    }

    @Override
    public CategoryAspects aspects(String categoryId) {
        return guarded(() -> delegate.aspects(categoryId));
    }

    @Override
    public ConditionPolicy conditions(String categoryId) {
        return guarded(() -> delegate.conditions(categoryId));
    }

    public ProviderGuard guard() {
        return guard;
    }

    private <T> T guarded(Supplier<T> call) {
        return guard.call(Priority.NORMAL, 0, call, ignored -> Usage.NONE);
    }
}
