package dev.boomer.console.items;

import dev.boomer.application.items.ItemSummary;
import dev.boomer.application.items.ViewItems;
import dev.boomer.application.items.Viewer;
import dev.boomer.console.layout.Htmx;
import dev.boomer.domain.item.ItemQuery;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.security.Principals;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The items list, newest first, filterable by status; its table updates live while items process. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ItemListController {

    static final int PAGE_SIZE = 50;
    static final String FRAGMENT = "items-table";

    private final ViewItems viewItems;
    private final ItemRepository items;

    ItemListController(ViewItems viewItems, ItemRepository items) {
        this.viewItems = viewItems;
        this.items = items;
    }

    @Get(uris = {"/", "/items"}, produces = MediaType.TEXT_HTML)
    HttpResponse<?> list(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String status,
                         @Nullable @QueryValue Integer page) {
        Optional<ItemStatus> filter = parseStatus(status);
        int pageNumber = page == null || page < 1 ? 1 : page;
        Viewer viewer = Principals.viewer(authentication);
        ItemQuery query = new ItemQuery(Optional.empty(), filter, PAGE_SIZE, (pageNumber - 1) * PAGE_SIZE);
        List<ItemSummary> summaries = viewItems.list(viewer, query);
        List<ItemRow> rows = summaries.stream().map(ItemRow::of).toList();

        ItemsPage model = new ItemsPage(rows, filter.map(Enum::name).orElse(""),
                Arrays.stream(ItemStatus.values()).map(StatusBadge::of).toList(), isLive(rows, filter),
                url(filter, pageNumber), pageNumber,
                pageNumber > 1 ? url(filter, pageNumber - 1) : null,
                rows.size() == PAGE_SIZE ? url(filter, pageNumber + 1) : null);
        String view = Htmx.isRequest(request) ? "items/list :: " + FRAGMENT : "items/list";
        return HttpResponse.ok(new ModelAndView<>(view, Map.of("nav", "items", "items", model)));
    }

    /**
     * Keep polling while something shown is still in the pipeline; under a status filter, also while
     * anything is (it may land in the filtered status any moment).
     */
    private boolean isLive(List<ItemRow> rows, Optional<ItemStatus> filter) {
        if (rows.stream().anyMatch(row -> row.status().active())) {
            return true;
        }
        if (filter.isEmpty() || StatusBadge.isActive(filter.get())) {
            return false;
        }
        Map<ItemStatus, Long> counts = items.countByStatus();
        return counts.getOrDefault(ItemStatus.RECEIVED, 0L) + counts.getOrDefault(ItemStatus.PROCESSING, 0L) > 0;
    }

    private static String url(Optional<ItemStatus> filter, int page) {
        StringBuilder url = new StringBuilder("/items");
        String separator = "?";
        if (filter.isPresent()) {
            url.append(separator).append("status=").append(filter.get().name());
            separator = "&";
        }
        if (page > 1) {
            url.append(separator).append("page=").append(page);
        }
        return url.toString();
    }

    /** An unknown or empty status shows every status. */
    static Optional<ItemStatus> parseStatus(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ItemStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
