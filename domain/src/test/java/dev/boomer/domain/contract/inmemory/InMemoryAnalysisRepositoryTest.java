package dev.boomer.domain.contract.inmemory;

import dev.boomer.domain.vision.AnalysisRepository;
import dev.boomer.domain.contract.AnalysisRepositoryContract;
import dev.boomer.domain.fixtures.InMemoryAnalysisRepository;

class InMemoryAnalysisRepositoryTest extends AnalysisRepositoryContract {

    @Override
    protected AnalysisRepository createRepository() {
        return new InMemoryAnalysisRepository();
    }
}
