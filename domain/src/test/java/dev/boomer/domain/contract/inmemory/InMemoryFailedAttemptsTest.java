package dev.boomer.domain.contract.inmemory;

import dev.boomer.domain.contract.FailedAttemptsContract;
import dev.boomer.domain.fixtures.InMemoryFailedAttempts;
import dev.boomer.domain.security.FailedAttempts;

class InMemoryFailedAttemptsTest extends FailedAttemptsContract {

    @Override
    protected FailedAttempts createAttempts() {
        return new InMemoryFailedAttempts();
    }
}
