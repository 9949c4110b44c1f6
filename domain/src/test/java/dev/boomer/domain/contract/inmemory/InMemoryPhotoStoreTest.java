package dev.boomer.domain.contract.inmemory;

import dev.boomer.domain.photo.PhotoStore;
import dev.boomer.domain.contract.PhotoStoreContract;
import dev.boomer.domain.fixtures.InMemoryPhotoStore;

class InMemoryPhotoStoreTest extends PhotoStoreContract {

    @Override
    protected PhotoStore createStore() {
        return new InMemoryPhotoStore();
    }
}
