package dev.boomer.domain.contract;

import static dev.boomer.domain.contract.Samples.T0;
import static dev.boomer.domain.contract.Samples.itemAnalysis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.vision.AnalysisRepository;
import dev.boomer.domain.vision.ItemAnalysis;
import dev.boomer.domain.vision.Usage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AnalysisRepository} does. */
public abstract class AnalysisRepositoryContract {

    private AnalysisRepository analyses;

    protected abstract AnalysisRepository createRepository();

    /** An item the repository accepts analyses for; stores with referential integrity create it first. */
    protected ItemId anItem() {
        return ItemId.random();
    }

    @BeforeEach
    void createAnalyses() {
        analyses = createRepository();
    }

    @Test
    void aSavedAnalysisIsFoundWithItsModelCall() {
        ItemAnalysis analysis = itemAnalysis(anItem());

        analyses.save(analysis);

        assertThat(analyses.findByItem(analysis.item())).contains(analysis);
    }

    @Test
    void savingAgainReplacesTheItemsAnalysis() {
        ItemId item = anItem();
        analyses.save(itemAnalysis(item));
        ItemAnalysis again = itemAnalysis(item);
        ItemAnalysis fromCache = new ItemAnalysis(item, again.analysis(), again.call(), true, T0.plusSeconds(60));

        analyses.save(fromCache);

        assertThat(analyses.findByItem(item)).contains(fromCache);
    }

    @Test
    void whatIdentifiedTheProductAndWhyNoBetterAnswerWasAskedAreKept() {
        ItemAnalysis plain = itemAnalysis(anItem());
        ItemAnalysis identified = plain.identifiedAs(plain.analysis().withGtin("4960999123455"),
                "barcode 4960999123455 found in 12 EBAY listings").degraded("smart_unavailable: paused");

        analyses.save(identified);

        assertThat(analyses.findByItem(identified.item())).contains(identified);
        assertThat(identified.identifiedBy()).isPresent();
    }

    @Test
    void theUsageOfAnswersServedFromTheCacheIsSummedPerModel() {
        ItemAnalysis paid = itemAnalysis(anItem());
        ItemAnalysis cachedOnce = itemAnalysis(anItem());
        ItemAnalysis cachedTwice = itemAnalysis(anItem());
        analyses.save(paid);
        analyses.save(new ItemAnalysis(cachedOnce.item(), cachedOnce.analysis(), cachedOnce.call(), true, T0));
        analyses.save(new ItemAnalysis(cachedTwice.item(), cachedTwice.analysis(), cachedTwice.call(), true, T0));

        Usage one = paid.call().usage();
        assertThat(analyses.usageServedFromCache()).containsExactly(
                java.util.Map.entry(paid.call().model(), one.plus(one)));
    }

    @Test
    void anItemWithoutAnalysisHasNone() {
        assertThat(analyses.findByItem(ItemId.random())).isEmpty();
    }
}
