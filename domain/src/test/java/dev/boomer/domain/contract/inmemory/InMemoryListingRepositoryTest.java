package dev.boomer.domain.contract.inmemory;

import dev.boomer.domain.listing.ListingRepository;
import dev.boomer.domain.contract.ListingRepositoryContract;
import dev.boomer.domain.fixtures.InMemoryListingRepository;

class InMemoryListingRepositoryTest extends ListingRepositoryContract {

    @Override
    protected ListingRepository createRepository() {
        return new InMemoryListingRepository();
    }
}
