package dev.boomer.jobs;

import jakarta.inject.Singleton;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

@Singleton
public class ReconcileItemsJobHandler implements JobRequestHandler<ReconcileItemsJob> {

    private final ItemReconciliation reconciliation;

    ReconcileItemsJobHandler(ItemReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public void run(ReconcileItemsJob job) {
        reconciliation.reconcile();
    }
}
