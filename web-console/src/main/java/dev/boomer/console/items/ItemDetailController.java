package dev.boomer.console.items;

import dev.boomer.application.items.ItemNotFound;
import dev.boomer.application.items.RequeueItem;
import dev.boomer.application.items.ViewItems;
import dev.boomer.audit.AdminAudit;
import dev.boomer.console.layout.Htmx;
import dev.boomer.domain.item.ItemId;
import dev.boomer.security.Principals;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** One item: photos, status, analysis, draft, price evidence and cost; refreshes itself while processing. */
@Controller("/items")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ItemDetailController {

    static final String FRAGMENT = "item-detail";

    private final ViewItems viewItems;
    private final RequeueItem requeueItem;
    private final AdminAudit audit;

    ItemDetailController(ViewItems viewItems, RequeueItem requeueItem, AdminAudit audit) {
        this.viewItems = viewItems;
        this.requeueItem = requeueItem;
        this.audit = audit;
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> item(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Optional<ItemId> itemId = parse(id);
        if (itemId.isEmpty()) {
            return notFound(id);
        }
        try {
            ItemView item = ItemView.of(viewItems.details(Principals.viewer(authentication), itemId.get()));
            String view = Htmx.isRequest(request) ? "items/item :: " + FRAGMENT : "items/item";
            return HttpResponse.ok(new ModelAndView<>(view, Map.of("nav", "items", "item", item,
                    "canRequeue", Principals.role(authentication).submits())));
        } catch (ItemNotFound e) {
            return notFound(id);
        }
    }

    /** A settled or parked item again, in a new attempt; back to its page, which follows the new run. */
    @Post(value = "/{id}/requeue", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured({"ADMIN", "OPERATOR", "SELLER"})
    HttpResponse<?> requeue(Authentication authentication, @PathVariable String id) {
        Optional<ItemId> itemId = parse(id);
        if (itemId.isEmpty()) {
            return notFound(id);
        }
        try {
            if (requeueItem.requeue(Principals.viewer(authentication), itemId.get())
                    instanceof RequeueItem.Requeued requeued) {
                audit.requeued(authentication, requeued.item());
            }
            return HttpResponse.seeOther(URI.create("/items/" + itemId.get()));
        } catch (ItemNotFound e) {
            return notFound(id);
        }
    }

    /** Unknown and not-yours look the same, so that ids cannot be probed. */
    static HttpResponse<?> notFound(String what) {
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ModelAndView<>("errors/not-found",
                Map.of("nav", "items", "missing", "item " + what)));
    }

    private static Optional<ItemId> parse(String id) {
        try {
            return Optional.of(new ItemId(UUID.fromString(id)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
