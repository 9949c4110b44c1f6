package dev.boomer.console.queue;

import dev.boomer.application.items.ItemNotFound;
import dev.boomer.application.items.RequeueItem;
import dev.boomer.application.items.RetryItemNow;
import dev.boomer.audit.AdminAudit;
import dev.boomer.console.layout.Formats;
import dev.boomer.console.layout.Htmx;
import dev.boomer.domain.audit.AuditAction;
import dev.boomer.domain.audit.AuditEntry;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemQuery;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.security.Redactor;
import dev.boomer.jobs.ProcessItemJob;
import dev.boomer.security.Principals;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.JobStats;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.navigation.AmountRequest;

import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The work as an operator follows it: items waiting for a retry or their provider (why, until when; those in
 * Boomer's own backoff can be run at once), items
 * that failed or gave up (requeue one or many), items per status, and JobRunr's job counts with the jobs
 * that failed on an error of Boomer's own.
 */
@Controller("/queue")
@Secured({"ADMIN", "OPERATOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
class QueueController {

    static final String EVENT = "queueChanged";
    static final int FAILED_SHOWN = 100;
    static final int ITEMS_SHOWN = 100;
    private static final String CHOSEN = "item-";

    private final StorageProvider storage;
    private final ItemRepository items;
    private final Redactor redactor;
    private final AdminAudit audit;
    private final RequeueItem requeueItem;
    private final RetryItemNow retryItemNow;

    QueueController(StorageProvider storage, ItemRepository items, Redactor redactor, AdminAudit audit,
                    RequeueItem requeueItem, RetryItemNow retryItemNow) {
        this.storage = storage;
        this.items = items;
        this.redactor = redactor;
        this.audit = audit;
        this.requeueItem = requeueItem;
        this.retryItemNow = retryItemNow;
    }

    /** The whole page; for HTMX, just the part named by {@code fragment} ({@code queue-counts} by default). */
    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> queue(HttpRequest<?> request) {
        String view = "queue/queue";
        if (Htmx.isRequest(request)) {
            String fragment = request.getParameters().getFirst("fragment").orElse("queue-counts");
            view += " :: " + switch (fragment) {
                case "failed-jobs", "queue-items" -> fragment;
                default -> "queue-counts";
            };
        }
        return HttpResponse.ok(new ModelAndView<>(view, Map.of("nav", "queue", "queue", view())));
    }

    /** Puts a failed (or any) job back in the queue; its item is processed again from where it stands. */
    @Post(value = "/jobs/{id}/requeue", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> requeue(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Optional<Job> job = find(id);
        if (job.isEmpty()) {
            return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ModelAndView<>("errors/not-found",
                    Map.of("nav", "queue", "missing", "job " + id)));
        }
        Job found = job.get();
        String before = found.getState().name();
        found.enqueue();
        storage.save(found);
        audit.record(authentication, AuditAction.JOB_REQUEUED, AuditEntry.job(found.getId()), Map.of("state", before),
                Map.of("state", found.getState().name()));
        if (Htmx.isRequest(request)) {
            return HttpResponse.ok().header(Htmx.TRIGGER, EVENT);
        }
        return HttpResponse.seeOther(URI.create("/queue"));
    }

    /** Requeues the items chosen on the page (settled ones; waiting or running ones are left as they are). */
    @Post(value = "/items/requeue", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> requeueItems(HttpRequest<?> request, Authentication authentication,
                                 @Body Map<String, String> fields) {
        // one checkbox per item, named after it: form decoding keeps one value per name
        for (String id : fields.keySet().stream().filter(name -> name.startsWith(CHOSEN))
                .map(name -> name.substring(CHOSEN.length())).toList()) {
            try {
                ItemId itemId = ItemId.parse(id);
                if (requeueItem.requeue(Principals.viewer(authentication), itemId)
                        instanceof RequeueItem.Requeued requeued) {
                    audit.requeued(authentication, requeued.item());
                }
            } catch (IllegalArgumentException | ItemNotFound skipped) {
                // not an item any more (or never one): nothing to requeue
            }
        }
        if (Htmx.isRequest(request)) {
            return HttpResponse.ok().header(Htmx.TRIGGER, EVENT);
        }
        return HttpResponse.seeOther(URI.create("/queue"));
    }

    /** Runs a waiting item at once, cutting Boomer's own backoff short; a provider's wait is left as it is. */
    @Post(value = "/items/{id}/retry-now", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> retryNow(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        try {
            if (retryItemNow.retryNow(Principals.viewer(authentication), ItemId.parse(id))
                    instanceof RetryItemNow.Retrying retrying) {
                audit.retriedNow(authentication, retrying.item(), retrying.wasDueAt());
            }
        } catch (IllegalArgumentException | ItemNotFound skipped) {
            // not an item any more (or never one): nothing to run
        }
        if (Htmx.isRequest(request)) {
            return HttpResponse.ok().header(Htmx.TRIGGER, EVENT);
        }
        return HttpResponse.seeOther(URI.create("/queue"));
    }

    private Optional<Job> find(String id) {
        try {
            return Optional.of(storage.getJobById(UUID.fromString(id)));
        } catch (IllegalArgumentException | JobNotFoundException e) {
            return Optional.empty();
        }
    }

    private QueueView view() {
        JobStats stats = storage.getJobStats();
        List<QueueView.Count> jobs = List.of(
                new QueueView.Count("Scheduled", orZero(stats.getScheduled()), "state-scheduled", null),
                new QueueView.Count("Enqueued", orZero(stats.getEnqueued()), "state-enqueued", null),
                new QueueView.Count("Processing", orZero(stats.getProcessing()), "state-processing", null),
                new QueueView.Count("Succeeded", orZero(stats.getSucceeded()), "state-succeeded", null),
                new QueueView.Count("Failed", orZero(stats.getFailed()), "state-failed", null),
                new QueueView.Count("Deleted", orZero(stats.getDeleted()), "state-deleted", null));
        Map<ItemStatus, Long> byStatus = items.countByStatus();
        List<QueueView.Count> itemCounts = Arrays.stream(ItemStatus.values())
                .map(status -> new QueueView.Count(label(status), byStatus.getOrDefault(status, 0L),
                        "badge-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        "/items?status=" + status.name()))
                .toList();
        List<QueueView.FailedJob> failed = storage
                .getJobList(StateName.FAILED, new AmountRequest("updatedAt:DESC", FAILED_SHOWN)).stream()
                .map(this::failedJob).toList();
        List<QueueView.ItemRow> waiting = items.find(new ItemQuery(Optional.empty(), Optional.of(ItemStatus.RECEIVED),
                        ItemQuery.MAX_LIMIT, 0)).stream()
                .filter(item -> item.nextAttemptAt().isPresent())
                .sorted(Comparator.comparing(item -> item.nextAttemptAt().orElseThrow()))
                .limit(ITEMS_SHOWN).map(this::row).toList();
        List<QueueView.ItemRow> failedItems = items.find(new ItemQuery(Optional.empty(), Optional.of(ItemStatus.FAILED),
                ITEMS_SHOWN, 0)).stream().map(this::row).toList();
        return new QueueView(jobs, itemCounts, stats.getBackgroundJobServers(), waiting, failedItems, failed,
                failed.size(), orZero(stats.getFailed()));
    }

    private QueueView.ItemRow row(Item item) {
        return new QueueView.ItemRow(item.id().toString(), "/items/" + item.id(), item.reason().orElse(""),
                item.retries(), item.nextAttemptAt().map(Formats::time).orElse(null), item.providersWait(),
                Formats.time(item.updatedAt()));
    }

    private QueueView.FailedJob failedJob(Job job) {
        Optional<FailedState> last = job.getLastJobStateOfType(FailedState.class);
        String itemUrl = itemOf(job).map(item -> "/items/" + item).orElse(null);
        return new QueueView.FailedJob(job.getId().toString(), job.getJobName(), itemUrl,
                last.map(state -> Formats.time(state.getCreatedAt())).orElse(Formats.time(job.getUpdatedAt())),
                last.map(FailedState::getExceptionType).map(QueueController::simpleName).orElse(""),
                last.map(QueueController::message).map(redactor::redact).orElse(""),
                (int) job.getJobStatesOfType(FailedState.class).count());
    }

    private static String message(FailedState state) {
        String message = state.getExceptionMessage();
        if (message == null || message.isBlank()) {
            message = state.getMessage();
        }
        return message == null ? "" : message;
    }

    /** Our jobs carry the item id; the job id is the item id too. */
    private static Optional<UUID> itemOf(Job job) {
        Object[] values = job.getJobDetails().getJobParameterValues();
        if (values.length == 1 && values[0] instanceof ProcessItemJob(UUID itemId)) {
            return Optional.of(itemId);
        }
        return Optional.empty();
    }

    private static String simpleName(String className) {
        return className == null ? "" : className.substring(className.lastIndexOf('.') + 1);
    }

    private static String label(ItemStatus status) {
        String name = status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
