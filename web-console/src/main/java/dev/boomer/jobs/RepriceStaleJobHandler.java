package dev.boomer.jobs;

import dev.boomer.application.processing.RepriceStaleDrafts;
import jakarta.inject.Singleton;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/** Runs a {@link RepriceStaleJob}: the oldest {@value #AT_MOST} stale drafts, once; a later job takes the rest. */
@Singleton
public class RepriceStaleJobHandler implements JobRequestHandler<RepriceStaleJob> {

    static final int AT_MOST = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(RepriceStaleJobHandler.class);

    private final RepriceStaleDrafts reprice;

    RepriceStaleJobHandler(RepriceStaleDrafts reprice) {
        this.reprice = reprice;
    }

    @Override
    public void run(RepriceStaleJob job) {
        RepriceStaleDrafts.Result result = reprice.repriceOlderThan(Duration.ofDays(job.olderThanDays()), AT_MOST);
        LOG.info("repriced {} drafts priced over {} days ago; {} kept their price (no market price now), {} were"
                + " being processed", result.repriced(), job.olderThanDays(), result.kept(), result.skipped());
    }
}
