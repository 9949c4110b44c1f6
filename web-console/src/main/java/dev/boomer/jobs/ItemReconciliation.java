package dev.boomer.jobs;

import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The safety net under every start of an item: a recurring JobRunr job (one run at a time across all
 * instances) that finds unfinished items nobody will run (RECEIVED and overdue by
 * {@code boomer.jobs.reconcile-interval} with no live job, PROCESSING with an expired lease: their instance
 * died) and schedules them. What it repairs is counted ({@code boomer.items.reconciled}) and logged once.
 */
@Singleton
public class ItemReconciliation implements ApplicationEventListener<StartupEvent> {

    static final String JOB_ID = "boomer-reconcile-items";
    private static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(ItemReconciliation.class);

    private final ItemRepository items;
    private final ItemJobs jobs;
    private final JobRequestScheduler scheduler;
    private final MeterRegistry meters;
    private final Clock clock;
    private final JobsProperties properties;

    ItemReconciliation(ItemRepository items, ItemJobs jobs, JobRequestScheduler scheduler, MeterRegistry meters,
                       Clock clock, JobsProperties properties) {
        this.items = items;
        this.jobs = jobs;
        this.scheduler = scheduler;
        this.meters = meters;
        this.clock = clock;
        this.properties = properties;
    }

    /** Registers the recurring job; every instance does, JobRunr keeps one by its id. */
    @Override
    public void onApplicationEvent(StartupEvent event) {
        scheduler.scheduleRecurrently(JOB_ID, properties.reconcileInterval(), new ReconcileItemsJob());
    }

    /** @return how many items it scheduled */
    public int reconcile() {
        Instant now = clock.instant();
        List<Item> unattended = items.findUnattended(now.minus(properties.reconcileInterval()), now, BATCH);
        List<Item> repaired = unattended.stream().filter(jobs::ensureScheduled).toList();
        for (Item item : repaired) {
            String found = item.status() == ItemStatus.PROCESSING ? "lease_expired" : "no_job";
            meters.counter("boomer.items.reconciled", "found", found).increment();
        }
        if (!repaired.isEmpty()) {
            LOG.warn("reconciliation scheduled {} item(s) nobody was going to run: {}", repaired.size(),
                    repaired.stream().limit(20).map(item -> item.id() + " (" + item.status() + ")").toList());
        }
        return repaired.size();
    }
}
