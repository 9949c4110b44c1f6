package dev.boomer.domain.market;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The market source "history": comparables Boomer saw at live sources in the last 90 days, screened by the
 * same outlier rule, labelled {@link PriceKind#HISTORY} with the days they were seen.
 */
public final class HistorySource implements MarketData {

    public static final String NAME = "history";
    public static final Duration LOOK_BACK = Duration.ofDays(90);
    static final int MAX_COMPARABLES = 200;

    private final PriceHistory history;
    private final Clock clock;

    public HistorySource(PriceHistory history, Clock clock) {
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<MarketQuote> quote(MarketQuery query) {
        Instant now = clock.instant();
        List<PriceHistory.Observation> seen = history.seen(query, now.minus(LOOK_BACK), MAX_COMPARABLES);
        OutlierRule.Screened screened = OutlierRule.screen(seen.stream().map(PriceHistory.Observation::sale).toList(),
                query);
        if (screened.kept().isEmpty()) {
            return Optional.empty();
        }
        LocalDate first = day(seen.stream().map(PriceHistory.Observation::seenAt).min(Comparator.naturalOrder()).orElseThrow());
        LocalDate last = day(seen.stream().map(PriceHistory.Observation::seenAt).max(Comparator.naturalOrder()).orElseThrow());
        String when = first.equals(last) ? "seen " + first : "seen " + first + " to " + last;
        return Optional.of(MarketQuote.fromComps(PriceSource.HISTORY, PriceKind.HISTORY,
                query.describe() + " (" + when + ")", screened.kept(), screened.screening(), now));
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
