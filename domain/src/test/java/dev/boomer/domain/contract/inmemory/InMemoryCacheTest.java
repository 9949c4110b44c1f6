package dev.boomer.domain.contract.inmemory;

import dev.boomer.domain.cache.Cache;
import dev.boomer.domain.contract.CacheContract;
import dev.boomer.domain.fixtures.InMemoryCache;

class InMemoryCacheTest extends CacheContract {

    @Override
    protected Cache createCache() {
        return new InMemoryCache();
    }
}
