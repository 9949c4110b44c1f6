package dev.boomer.domain.contract;

import static dev.boomer.domain.contract.Samples.T0;
import static dev.boomer.domain.contract.Samples.cost;
import static dev.boomer.domain.contract.Samples.itemAnalysis;
import static dev.boomer.domain.contract.Samples.visionAnalysis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boomer.domain.cost.CostEntry;
import dev.boomer.domain.cost.CostKey;
import dev.boomer.domain.cost.CostLedger;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.vision.OutputProblem;
import dev.boomer.domain.vision.UnusableAnswer;
import dev.boomer.domain.vision.VisionResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What every {@link CostLedger} does. Each test starts from an empty ledger. */
public abstract class CostLedgerContract {

    private CostLedger ledger;

    protected abstract CostLedger createLedger();

    @BeforeEach
    void createTheLedger() {
        ledger = createLedger();
    }

    @Test
    void aRecordedEntryIsListedForItsItem() {
        CostEntry entry = cost(ItemId.random(), "vision-fast", 1, "0.0123456789", T0);

        assertThat(ledger.record(entry)).isTrue();

        assertThat(ledger.entriesFor(entry.key().item())).containsExactly(entry);
    }

    @Test
    void recordingTheSameKeyTwiceKeepsTheFirstEntryOnly() {
        ItemId item = ItemId.random();
        CostEntry first = cost(item, "vision-fast", 1, "0.0042", T0);
        CostEntry rerun = cost(item, "vision-fast", 1, "0.0099", T0.plusSeconds(30));

        assertThat(ledger.record(first)).isTrue();
        assertThat(ledger.record(rerun)).isFalse();

        assertThat(ledger.entriesFor(item)).containsExactly(first);
        assertThat(ledger.totalFor(item)).isEqualTo(Money.usd("0.0042"));
    }

    @Test
    void aNewAttemptIsChargedAgain() {
        ItemId item = ItemId.random();

        assertThat(ledger.record(cost(item, "vision-fast", 1, "0.01", T0))).isTrue();
        assertThat(ledger.record(cost(item, "vision-fast", 2, "0.01", T0.plusSeconds(60)))).isTrue();

        assertThat(ledger.totalFor(item)).isEqualTo(Money.usd("0.02"));
    }

    @Test
    void totalsAreExactToTheLastDecimal() {
        ItemId item = ItemId.random();
        ledger.record(cost(item, "vision-fast", 1, "0.0000031", T0));
        ledger.record(cost(item, "vision-smart", 1, "0.00000015", T0.plusSeconds(1)));
        ledger.record(cost(item, "market-estimate", 1, "1.25", T0.plusSeconds(2)));
        for (int i = 0; i < 10; i++) {
            ledger.record(cost(item, "retry-" + i, 1, "0.1", T0.plusSeconds(3 + i)));
        }

        assertThat(ledger.totalFor(item)).isEqualTo(Money.usd("2.25000325"));
    }

    @Test
    void entriesAreListedOldestFirstAndOnlyForTheirItem() {
        ItemId item = ItemId.random();
        CostEntry later = cost(item, "vision-smart", 1, "0.03", T0.plusSeconds(20));
        CostEntry earlier = cost(item, "vision-fast", 1, "0.01", T0);
        ledger.record(later);
        ledger.record(earlier);
        ledger.record(cost(ItemId.random(), "vision-fast", 1, "0.5", T0.plusSeconds(10)));

        assertThat(ledger.entriesFor(item)).containsExactly(earlier, later);
        assertThat(ledger.totalFor(item)).isEqualTo(Money.usd("0.04"));
    }

    @Test
    void whatACallAnsweredIsKeptWithItsEntryUsableOrNot() {
        ItemId item = ItemId.random();
        CostEntry fast = cost(item, "vision-fast", 1, "0.004", T0);
        CostEntry smart = cost(item, "vision-smart", 1, "0.02", T0.plusSeconds(5));
        UnusableAnswer unusable = new UnusableAnswer(OutputProblem.INVALID_JSON, "not JSON after one repair",
                itemAnalysis(item).call());
        VisionResponse usable = new VisionResponse(visionAnalysis(), itemAnalysis(item).call());

        ledger.record(fast, Optional.of(unusable));
        ledger.record(smart, Optional.of(usable));

        assertThat(ledger.answerTo(fast.key())).contains(unusable);
        assertThat(ledger.answerTo(smart.key())).contains(usable);
        assertThat(ledger.entriesFor(item)).containsExactly(fast, smart);
    }

    @Test
    void anEntryWithoutAnAnswerHasNoneAndAnUnknownKeyNeither() {
        CostEntry entry = cost(ItemId.random(), "vision-fast", 1, "0.004", T0);
        ledger.record(entry);

        assertThat(ledger.answerTo(entry.key())).isEmpty();
        assertThat(ledger.answerTo(new CostKey(ItemId.random(), "vision-fast", 1))).isEmpty();
    }

    @Test
    void anEstimatedChargeStaysFlaggedAsEstimated() {
        CostEntry sure = cost(ItemId.random(), "vision-fast", 1, "0.004", T0);
        CostEntry estimated = new CostEntry(new CostKey(sure.key().item(), "vision-smart", 1), sure.user(),
                sure.provider(), sure.model(), sure.tier(), sure.usage(), Money.usd("0.0036"),
                T0.plusSeconds(1), true);
        ledger.record(sure);
        ledger.record(estimated);

        assertThat(ledger.entriesFor(sure.key().item())).extracting(CostEntry::estimated).containsExactly(false, true);
        List<CostEntry> exported = new ArrayList<>();
        ledger.forEachEntry(T0, T0.plusSeconds(2), Optional.empty(), exported::add);
        assertThat(exported).containsExactly(sure, estimated);
    }

    @Test
    void anItemWithoutEntriesCostsNothing() {
        ItemId item = ItemId.random();

        assertThat(ledger.entriesFor(item)).isEmpty();
        assertThat(ledger.totalFor(item)).isEqualTo(Money.zero(Money.USD));
    }

    @Test
    void anExportHandsOverTheEntriesOfTheTimeRangeOldestFirstOfOneUserOrOfAll() {
        UserId alice = new UserId(UUID.randomUUID());
        UserId bob = new UserId(UUID.randomUUID());
        CostEntry before = cost(alice, ItemId.random(), "vision-fast", 1, "0.01", T0.minusSeconds(1));
        CostEntry first = cost(alice, ItemId.random(), "vision-fast", 1, "0.02", T0);
        CostEntry second = cost(bob, ItemId.random(), "vision-fast", 1, "0.03", T0.plusSeconds(5));
        CostEntry atTheEnd = cost(alice, ItemId.random(), "vision-fast", 1, "0.04", T0.plusSeconds(10));
        List.of(atTheEnd, second, first, before).forEach(ledger::record);

        List<CostEntry> all = new ArrayList<>();
        ledger.forEachEntry(T0, T0.plusSeconds(10), Optional.empty(), all::add);
        List<CostEntry> alices = new ArrayList<>();
        ledger.forEachEntry(T0, T0.plusSeconds(11), Optional.of(alice), alices::add);

        assertThat(all).containsExactly(first, second);
        assertThat(alices).containsExactly(first, atTheEnd);
    }
}
