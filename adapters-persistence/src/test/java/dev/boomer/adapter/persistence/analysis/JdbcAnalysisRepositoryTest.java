package dev.boomer.adapter.persistence.analysis;

import dev.boomer.adapter.persistence.TestDatabase;
import dev.boomer.adapter.persistence.TestRows;
import dev.boomer.domain.contract.AnalysisRepositoryContract;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.vision.AnalysisRepository;

class JdbcAnalysisRepositoryTest extends AnalysisRepositoryContract {

    @Override
    protected AnalysisRepository createRepository() {
        TestDatabase.truncateAll();
        return TestDatabase.context().getBean(AnalysisRepository.class);
    }

    @Override
    protected ItemId anItem() {
        return TestRows.anExistingItem();
    }
}
