package dev.boomer.api;

import dev.boomer.application.intake.SubmitItem;
import dev.boomer.application.intake.SubmitItemCommand;
import dev.boomer.application.intake.SubmitResult;
import dev.boomer.application.items.RequeueItem;
import dev.boomer.application.items.RetryItemNow;
import dev.boomer.application.items.ViewItems;
import dev.boomer.application.items.ViewPhotos;
import dev.boomer.audit.AdminAudit;
import dev.boomer.console.photos.PhotoResponses;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemQuery;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.PhotoRejection;
import dev.boomer.intake.ItemUpload;
import dev.boomer.intake.RejectionStatus;
import dev.boomer.security.Principals;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.server.multipart.MultipartBody;
import jakarta.inject.Named;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import java.util.concurrent.ExecutorService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The REST door: submit photos of an item, follow it to its draft. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ItemsApiController {

    private static final int DEFAULT_PAGE = 50;

    private final SubmitItem submitItem;
    private final ViewItems viewItems;
    private final ViewPhotos viewPhotos;
    private final RequeueItem requeueItem;
    private final RetryItemNow retryItemNow;
    private final AdminAudit audit;
    private final ExecutorService blocking;

    ItemsApiController(SubmitItem submitItem, ViewItems viewItems, ViewPhotos viewPhotos, RequeueItem requeueItem,
                       RetryItemNow retryItemNow, AdminAudit audit,
                       @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.blocking = blocking;
        this.submitItem = submitItem;
        this.viewItems = viewItems;
        this.viewPhotos = viewPhotos;
        this.requeueItem = requeueItem;
        this.retryItemNow = retryItemNow;
        this.audit = audit;
    }

    /**
     * Multipart with 1..12 parts named {@code photos}, optional {@code priority} and {@code sku}. The parts
     * are collected first (Micronaut binds only one part per name), then handled on a blocking thread.
     */
    @Post(value = "/items", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
    @Secured({"ADMIN", "OPERATOR", "SELLER"}) // a VIEWER reads only
    Mono<HttpResponse<?>> submit(Authentication authentication, @Body MultipartBody body) {
        return Flux.from(body).collectList()
                .publishOn(Schedulers.fromExecutorService(blocking))
                .map(parts -> submit(authentication, ItemUpload.of(parts)));
    }

    private HttpResponse<?> submit(Authentication authentication, ItemUpload upload) {
        Optional<Priority> parsedPriority = upload.priority();
        if (parsedPriority.isEmpty()) {
            return ApiExceptionHandlers.error(HttpStatus.BAD_REQUEST, "invalid_priority",
                    "priority must be URGENT, NORMAL or ECONOMY, not '" + upload.priorityText() + "'");
        }
        if (upload.skuTooLong()) {
            return ApiExceptionHandlers.error(HttpStatus.BAD_REQUEST, "invalid_sku",
                    "sku must be at most " + Item.MAX_SKU_LENGTH + " characters");
        }
        SubmitItemCommand command = new SubmitItemCommand(Principals.userId(authentication), upload.photos(),
                parsedPriority.get(), upload.sku());
        return switch (submitItem.submit(command)) {
            case SubmitResult.Accepted(Item item) -> HttpResponse.accepted(URI.create("/api/v1/items/" + item.id()))
                    .body(ItemJson.accepted(item));
            case SubmitResult.Rejected(PhotoRejection rejection) -> ApiExceptionHandlers.error(
                    RejectionStatus.of(rejection.reason()), rejection.reason().code(), describe(rejection));
        };
    }

    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get(value = "/items/{id}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> item(Authentication authentication, @PathVariable String id) {
        Optional<ItemId> itemId = parseItemId(id);
        if (itemId.isEmpty()) {
            return ApiExceptionHandlers.error(HttpStatus.NOT_FOUND, "not_found", "item " + id + " not found");
        }
        return HttpResponse.ok(ItemJson.of(viewItems.details(Principals.viewer(authentication), itemId.get())));
    }

    /**
     * Processes a settled or parked item again, in a new attempt charged anew: 202; 409 while it is
     * RECEIVED or PROCESSING (it runs anyway). The owner, an OPERATOR or an ADMIN; a VIEWER reads only.
     */
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured({"ADMIN", "OPERATOR", "SELLER"})
    @Post(value = "/items/{id}/requeue", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> requeue(Authentication authentication, @PathVariable String id) {
        Optional<ItemId> itemId = parseItemId(id);
        if (itemId.isEmpty()) {
            return ApiExceptionHandlers.error(HttpStatus.NOT_FOUND, "not_found", "item " + id + " not found");
        }
        return switch (requeueItem.requeue(Principals.viewer(authentication), itemId.get())) {
            case RequeueItem.Requeued requeued -> {
                audit.requeued(authentication, requeued.item());
                yield HttpResponse.accepted().body(ItemJson.accepted(requeued.item()));
            }
            case RequeueItem.NotSettled running -> ApiExceptionHandlers.error(HttpStatus.CONFLICT, "not_settled",
                    "item " + id + " is " + running.item().status() + "; it can be requeued once it has settled");
        };
    }

    /**
     * Runs an item waiting for Boomer's own backoff at once, in the same attempt with its retries: 202; 409
     * when it waits for its provider (a Retry-After, an open breaker: it runs then, never earlier) or is not
     * waiting at all. Who may requeue may do this.
     */
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured({"ADMIN", "OPERATOR", "SELLER"})
    @Post(value = "/items/{id}/retry-now", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> retryNow(Authentication authentication, @PathVariable String id) {
        Optional<ItemId> itemId = parseItemId(id);
        if (itemId.isEmpty()) {
            return ApiExceptionHandlers.error(HttpStatus.NOT_FOUND, "not_found", "item " + id + " not found");
        }
        return switch (retryItemNow.retryNow(Principals.viewer(authentication), itemId.get())) {
            case RetryItemNow.Retrying retrying -> {
                audit.retriedNow(authentication, retrying.item(), retrying.wasDueAt());
                yield HttpResponse.accepted().body(ItemJson.accepted(retrying.item()));
            }
            case RetryItemNow.ProvidersWait wait -> ApiExceptionHandlers.error(HttpStatus.CONFLICT, "providers_wait",
                    "item " + id + " waits until " + wait.until() + " because its provider asked to; it runs then");
            case RetryItemNow.NotWaiting other -> ApiExceptionHandlers.error(HttpStatus.CONFLICT, "not_waiting",
                    "item " + id + " is " + other.item().status() + " and not waiting for a retry");
        };
    }

    /** The caller's own items, newest first. */
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get(value = "/items", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> items(Authentication authentication, @Nullable @QueryValue String status,
                          @Nullable @QueryValue Integer limit, @Nullable @QueryValue Integer offset) {
        Optional<ItemStatus> parsedStatus;
        try {
            parsedStatus = Optional.ofNullable(status).filter(s -> !s.isBlank())
                    .map(s -> ItemStatus.valueOf(s.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return ApiExceptionHandlers.error(HttpStatus.BAD_REQUEST, "invalid_status",
                    "status must be one of " + List.of(ItemStatus.values()) + ", not '" + status + "'");
        }
        int pageSize = limit == null ? DEFAULT_PAGE : limit;
        int skip = offset == null ? 0 : offset;
        if (pageSize < 1 || pageSize > ItemQuery.MAX_LIMIT || skip < 0) {
            return ApiExceptionHandlers.error(HttpStatus.BAD_REQUEST, "invalid_page",
                    "limit must be 1.." + ItemQuery.MAX_LIMIT + " and offset >= 0");
        }
        var viewer = Principals.viewer(authentication);
        var query = new ItemQuery(Optional.of(viewer.user()), parsedStatus, pageSize, skip);
        return HttpResponse.ok(new ItemPage(viewItems.list(viewer, query).stream().map(ItemJson::of).toList()));
    }

    /** A stored photo, to whoever may see an item holding it; others are told it does not exist. */
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get(value = "/photos/{hash}", produces = MediaType.IMAGE_JPEG)
    HttpResponse<?> photo(Authentication authentication, @PathVariable String hash) {
        Optional<byte[]> photo = ContentHash.isValid(hash)
                ? viewPhotos.photo(Principals.viewer(authentication), new ContentHash(hash)) : Optional.empty();
        return photo.<HttpResponse<?>>map(bytes -> PhotoResponses.jpeg(bytes, "private, max-age=86400"))
                .orElseGet(() -> ApiExceptionHandlers.error(HttpStatus.NOT_FOUND, "not_found", "photo not found"));
    }

    private static Optional<ItemId> parseItemId(String id) {
        try {
            return Optional.of(new ItemId(UUID.fromString(id)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String describe(PhotoRejection rejection) {
        return rejection.photo().isEmpty() ? rejection.message() : rejection.photo() + ": " + rejection.message();
    }
}
