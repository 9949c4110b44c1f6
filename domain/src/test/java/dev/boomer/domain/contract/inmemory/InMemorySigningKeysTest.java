package dev.boomer.domain.contract.inmemory;

import dev.boomer.domain.contract.SigningKeysContract;
import dev.boomer.domain.fixtures.InMemorySigningKeys;
import dev.boomer.domain.security.SigningKeys;

class InMemorySigningKeysTest extends SigningKeysContract {

    @Override
    protected SigningKeys createKeys() {
        return new InMemorySigningKeys();
    }
}
