package dev.boomer.application.processing;

import dev.boomer.domain.listing.PricingPolicy;

import java.time.Duration;
import java.util.Currency;
import java.util.Objects;

/**
 * @param worker        this instance's name on item leases
 * @param lease         how long a claimed item stays ours before another worker may take it over
 * @param promptVersion part of every vision cache key: a new prompt never reads old answers
 * @param escalateBelow a FAST answer below this confidence is asked again of the SMART tier
 * @param reviewBelow   a draft below this confidence goes to NEEDS_REVIEW instead of DRAFTED
 * @param currency      the currency prices are quoted in
 * @param retries       how transient faults are retried before the item gives up
 * @param heartbeat     how often a running item's lease is renewed; well inside the lease
 * @param pricing       how a market quote becomes the draft's price
 */
public record ProcessingSettings(
        String worker, Duration lease, String promptVersion, double escalateBelow, double reviewBelow,
        Currency currency, RetryPolicy retries, Duration heartbeat, PricingPolicy pricing) {

    /** The usual heartbeat: a quarter of the lease, so that three missed beats still keep it. */
    public static Duration heartbeatFor(Duration lease) {
        return lease.dividedBy(4);
    }

    public ProcessingSettings {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(promptVersion, "promptVersion");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(pricing, "pricing");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, not " + lease);
        }
        if (heartbeat.isNegative() || heartbeat.isZero() || heartbeat.compareTo(lease.dividedBy(2)) > 0) {
            throw new IllegalArgumentException("the heartbeat (" + heartbeat + ") must be positive and at most half"
                    + " the lease (" + lease + ")");
        }
        if (escalateBelow < 0 || escalateBelow > 1 || reviewBelow < 0 || reviewBelow > 1) {
            throw new IllegalArgumentException("confidence thresholds must be within 0..1");
        }
    }
}
