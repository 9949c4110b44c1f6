package dev.boomer.domain.market;

import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.vision.ModelCall;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.vision.VisionAnalysis;

import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * A language model's guess at an item's price from its analysis alone, with no photos: the labelled last
 * resort when no market source has a price. Each estimate is a paid call, budgeted and ledgered like any.
 */
public interface PriceEstimator {

    String provider();

    /** Whether this provider gives estimates at all; one that does not is never asked. */
    default boolean offersEstimates() {
        return true;
    }

    /** The model that estimates: the provider's FAST tier model. */
    String model();

    /** The most one estimate can consume, for the budget's reservation. */
    Usage worstCase(EstimateRequest request);

    EstimateAnswer estimate(EstimateRequest request);

    record EstimateRequest(ItemId item, VisionAnalysis analysis, Currency currency, Priority priority) {
        public EstimateRequest {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(analysis, "analysis");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(priority, "priority");
        }
    }

    /** What the model answered: an estimate, or why there is none; paid for either way. */
    record EstimateAnswer(Optional<PriceEstimate> estimate, String problem, ModelCall call) {
        public EstimateAnswer {
            Objects.requireNonNull(estimate, "estimate");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(call, "call");
        }

        public static EstimateAnswer of(PriceEstimate estimate, ModelCall call) {
            return new EstimateAnswer(Optional.of(estimate), "", call);
        }

        public static EstimateAnswer unusable(String problem, ModelCall call) {
            return new EstimateAnswer(Optional.empty(), problem, call);
        }
    }

    /** A price range in one currency, its median inside it. */
    record PriceEstimate(Money low, Money median, Money high) {
        public PriceEstimate {
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(median, "median");
            Objects.requireNonNull(high, "high");
            if (!low.isPositive() || low.compareTo(median) > 0 || median.compareTo(high) > 0) {
                throw new IllegalArgumentException("an estimate needs 0 < low <= median <= high, not " + low + " <= "
                        + median + " <= " + high);
            }
        }
    }
}
