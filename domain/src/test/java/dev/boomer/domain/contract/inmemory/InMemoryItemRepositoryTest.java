package dev.boomer.domain.contract.inmemory;

import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.contract.ItemRepositoryContract;
import dev.boomer.domain.fixtures.InMemoryItemRepository;

class InMemoryItemRepositoryTest extends ItemRepositoryContract {

    @Override
    protected ItemRepository createRepository() {
        return new InMemoryItemRepository();
    }
}
