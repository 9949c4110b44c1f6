package dev.boomer.domain.contract;

import dev.boomer.domain.market.ComparableSale;
import dev.boomer.domain.market.MarketData;
import dev.boomer.domain.market.MarketQuery;
import dev.boomer.domain.market.MarketQuote;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every market source promises, whatever it asks: run against each adapter and the test fake. */
public abstract class MarketDataContract {

    /** The source under test, able to price {@link #aQueryWithPrices()} and not {@link #aQueryWithNone()}. */
    protected abstract MarketData source();

    protected abstract MarketQuery aQueryWithPrices();

    protected abstract MarketQuery aQueryWithNone();

    @Test
    void aQuoteIsInTheQueriedCurrencyWithItsMedianInsideItsSpread() {
        MarketQuery query = aQueryWithPrices();

        MarketQuote quote = source().quote(query).orElseThrow();

        assertThat(quote.median().currency()).isEqualTo(query.currency());
        assertThat(quote.low()).isLessThanOrEqualTo(quote.median());
        assertThat(quote.high()).isGreaterThanOrEqualTo(quote.median());
        assertThat(quote.comps()).isNotEmpty().allSatisfy(sale -> {
            assertThat(sale.price().currency()).isEqualTo(query.currency());
            assertThat(sale.total()).isEqualTo(sale.price().plus(sale.shipping()));
            assertThat(sale.title()).isNotBlank();
        });
        assertThat(quote.comps().stream().map(ComparableSale::total).toList())
                .anySatisfy(total -> assertThat(total).isLessThanOrEqualTo(quote.median()))
                .anySatisfy(total -> assertThat(total).isGreaterThanOrEqualTo(quote.median()));
    }

    @Test
    void aQuoteSaysWhatItRestsOn() {
        MarketQuery query = aQueryWithPrices();

        MarketQuote quote = source().quote(query).orElseThrow();

        assertThat(quote.sampleSize()).isEqualTo(quote.comps().size());
        assertThat(quote.screening().kept()).isEqualTo(quote.sampleSize());
        assertThat(quote.screening().found()).isGreaterThanOrEqualTo(quote.screening().kept());
        assertThat(quote.query()).isEqualTo(query.describe());
        assertThat(quote.kind()).isNotNull();
    }

    @Test
    void nothingToPriceIsAnEmptyAnswerNotAFault() {
        assertThat(source().quote(aQueryWithNone())).isEmpty();
    }
}
