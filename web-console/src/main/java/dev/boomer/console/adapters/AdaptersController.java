package dev.boomer.console.adapters;

import dev.boomer.audit.AdminAudit;
import dev.boomer.console.layout.Formats;
import dev.boomer.console.layout.Htmx;
import dev.boomer.domain.cost.ModelPrice;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.security.Redactor;
import dev.boomer.domain.cost.PriceTable;
import dev.boomer.domain.taxonomy.Taxonomy;
import dev.boomer.wiring.MarketSources;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.VisionModel;
import dev.boomer.providers.ProviderGuards;
import dev.boomer.providers.RecentCalls;
import dev.boomer.resilience.BreakerOverride;
import dev.boomer.resilience.GuardState;
import dev.boomer.resilience.Limits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which adapters this server runs with, chosen by configuration: the vision provider, its models and
 * prices; and each provider model's guard live: breaker, what is left of its limits, calls in flight and
 * waiting per priority, the last error.
 */
@Controller("/adapters")
@Secured({"ADMIN", "OPERATOR"})
class AdaptersController {

    /** One tier's model and its list prices in USD per million tokens, as "$1.25". */
    record TierRow(String tier, String model, String input, String output, String cacheWrite, String cacheRead) {

        static TierRow of(Tier tier, String model, ModelPrice price) {
            return new TierRow(tier.name().toLowerCase(Locale.ROOT), model, dollars(price.input()),
                    dollars(price.output()), dollars(price.cacheWrite()), dollars(price.cacheRead()));
        }

        /** At least cents, and every digit the price table has: $0.025 stays $0.025. */
        private static String dollars(BigDecimal amount) {
            BigDecimal plain = amount.stripTrailingZeros();
            return "$" + (plain.scale() < 2 ? plain.setScale(2) : plain).toPlainString();
        }
    }

    /** @param categories the category tree drafts take their leaf categories from */
    record AdaptersView(String visionProvider, String visionEndpoint, List<TierRow> tiers, List<String> market,
                        String categories) {
    }

    /** One guard as the page shows it: what is left of each limit ("12 of 50"), permits and the queue. */
    record GuardRow(String provider, String model, String breaker, boolean degraded, String since,
                    String failureRate, String requests, String inputTokens, String outputTokens, String callsToday,
                    String inFlight, String waiting, @Nullable String pausedUntil, @Nullable String lastError,
                    @Nullable String lastErrorAt, @Nullable String held, String last5, String last60) {

        static GuardRow of(GuardState state, Optional<BreakerOverride.Held> held, RecentCalls recent,
                           Redactor redactor) {
            Limits limits = state.limits();
            return new GuardRow(state.provider(), state.model(), state.breaker(), state.degraded(),
                    Formats.time(state.breakerSince()),
                    state.callsInWindow() == 0 || state.failureRatePercent() < 0 ? "no calls yet"
                            : String.format(Locale.ROOT, "%.0f %% of %d", state.failureRatePercent(),
                            state.callsInWindow()),
                    left(state.requestsLeft(), limits.requestsPerMinute(), "/min"),
                    left(state.inputTokensLeft(), limits.inputTokensPerMinute(), "/min"),
                    left(state.outputTokensLeft(), limits.outputTokensPerMinute(), "/min"),
                    left(state.callsLeftToday(), limits.callsPerDay(), "/day"),
                    limits.maxConcurrent() == 0 ? state.inFlight() + " (no cap)"
                            : state.inFlight() + " of " + limits.maxConcurrent(),
                    state.waiting().get(Priority.URGENT) + " / " + state.waiting().get(Priority.NORMAL) + " / "
                            + state.waiting().get(Priority.ECONOMY),
                    state.pausedUntil().map(Formats::time).orElse(null),
                    state.lastError().map(redactor::redact).orElse(null),
                    state.lastErrorAt().map(Formats::time).orElse(null),
                    held.map(AdaptersController::word).orElse(null),
                    recent(recent.summary(state.provider(), state.model(), Duration.ofMinutes(5))),
                    recent(recent.summary(state.provider(), state.model(), Duration.ofMinutes(60))));
        }

        /** "12 calls, p50 1.2 s, p95 3.4 s, 8 % failed", or "no calls". */
        private static String recent(RecentCalls.Summary summary) {
            if (summary.calls() == 0) {
                return "no calls";
            }
            return String.format(Locale.ROOT, "%d call%s, p50 %s, p95 %s, %.0f %% failed", summary.calls(),
                    summary.calls() == 1 ? "" : "s", seconds(summary.p50()), seconds(summary.p95()),
                    100 * summary.failedShare());
        }

        private static String seconds(Duration latency) {
            return latency.toMillis() < 1_000 ? latency.toMillis() + " ms"
                    : String.format(Locale.ROOT, "%.1f s", latency.toMillis() / 1_000.0);
        }

        private static String left(java.util.Optional<Long> left, long limit, String per) {
            return left.map(n -> Math.max(0, n) + " of " + limit + per).orElse("no limit");
        }
    }

    private final AdaptersView view;
    private final ProviderGuards guards;
    private final Redactor redactor;
    private final AdminAudit audit;
    private final RecentCalls recent;

    AdaptersController(VisionModel vision, PriceTable prices, MarketSources market, Taxonomy taxonomy,
                       ProviderGuards guards, RecentCalls recent, Redactor redactor, AdminAudit audit) {
        this.guards = guards;
        this.recent = recent;
        this.audit = audit;
        this.redactor = redactor;
        List<TierRow> tiers = Arrays.stream(Tier.values())
                .map(tier -> TierRow.of(tier, vision.modelFor(tier), prices.priceOf(vision.modelFor(tier))))
                .toList();
        this.view = new AdaptersView(vision.provider(),
                vision.endpoint().map(Object::toString).orElse("in process (no network, no key)"), tiers,
                market.names(), taxonomy.name());
    }

    /** The whole page; for HTMX (it refreshes itself), just the guards. */
    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> adapters(HttpRequest<?> request) {
        String template = Htmx.isRequest(request) ? "adapters/adapters :: guards" : "adapters/adapters";
        return new ModelAndView<>(template, Map.of("nav", "adapters", "adapters", view,
                "guards", guards.states().stream().map(state -> GuardRow.of(state,
                        guards.held(state.provider(), state.model()), recent, redactor)).toList()));
    }

    /**
     * An ADMIN holds a provider model's breaker open (no calls) or closed (calls whatever happens), or
     * releases it: on every instance within seconds, and audited.
     */
    @Post(value = "/breakers", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured("ADMIN")
    HttpResponse<?> holdBreaker(HttpRequest<?> request, Authentication authentication,
                                @Body Map<String, String> fields) {
        String provider = fields.getOrDefault("provider", "");
        String model = fields.getOrDefault("model", "");
        Optional<Optional<BreakerOverride.Held>> held = switch (fields.getOrDefault("held", "")) {
            case "open" -> Optional.of(Optional.of(BreakerOverride.Held.OPEN));
            case "closed" -> Optional.of(Optional.of(BreakerOverride.Held.CLOSED));
            case "release" -> Optional.of(Optional.empty());
            default -> Optional.empty();
        };
        if (held.isEmpty() || !guards.guards(provider, model)) {
            return HttpResponse.badRequest().contentType(MediaType.TEXT_PLAIN)
                    .body("Choose open, closed or release for a provider model this server guards.");
        }
        Optional<String> before = guards.held(provider, model).map(AdaptersController::word);
        guards.hold(provider, model, held.get());
        audit.breakerHeld(authentication, provider, model, before,
                held.get().map(AdaptersController::word));
        return HttpResponse.seeOther(URI.create("/adapters"));
    }

    /** "open" or "closed", as the form, the page and the audit log say it. */
    private static String word(BreakerOverride.Held held) {
        return held.name().toLowerCase(Locale.ROOT);
    }
}
