package dev.boomer.console.cache;

import dev.boomer.application.cache.CacheReport;
import dev.boomer.audit.AdminAudit;
import dev.boomer.console.layout.Formats;
import dev.boomer.console.layout.Htmx;
import dev.boomer.domain.cache.Cache;
import dev.boomer.domain.cache.CacheSelection;
import dev.boomer.domain.cache.CacheStatistics;
import dev.boomer.domain.user.Role;
import dev.boomer.jobs.RepriceJobs;
import dev.boomer.security.Principals;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cache as an operator sees it: per namespace and layer what it holds and how often it answers, what
 * its hits saved, a lookup of entries by key or prefix; an admin clears by key, prefix, namespace, tag or
 * all, confirmed, counted and audited.
 */
@Controller("/cache")
@Secured({"ADMIN", "OPERATOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
class CacheController {

    static final int ENTRIES_SHOWN = 50;

    /** One row of the stats table. */
    record LayerRow(String namespace, String layer, long entries, String size, long hits, long misses,
                    String hitRate) {
        static LayerRow of(CacheStatistics.LayerStats stats) {
            return new LayerRow(stats.namespace(), stats.layer(), stats.entries(), Formats.bytes(stats.bytes()),
                    stats.hits(), stats.misses(), stats.hits() + stats.misses() == 0 ? "-"
                            : Formats.percent(stats.hitRate()));
        }
    }

    record EntryRow(String key, String layers, String expires, String tags, String size) {
        static EntryRow of(CacheStatistics.Entry entry) {
            return new EntryRow(entry.key(), String.join(", ", entry.layers()), Formats.time(entry.expiresAt()),
                    String.join(" ", entry.tags().stream().sorted().toList()), Formats.bytes(entry.bytes()));
        }
    }

    /** What the last clear did, or why it did nothing. */
    record Outcome(boolean done, String message) {
    }

    private final CacheReport report;
    private final CacheStatistics statistics;
    private final Cache cache;
    private final AdminAudit audit;
    private final RepriceJobs jobs;

    CacheController(CacheReport report, CacheStatistics statistics, Cache cache, AdminAudit audit, RepriceJobs jobs) {
        this.report = report;
        this.statistics = statistics;
        this.cache = cache;
        this.audit = audit;
        this.jobs = jobs;
    }

    /** The page; for HTMX, the stats alone ({@code fragment=cache-stats}) or the lookup's answer. */
    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> page(HttpRequest<?> request, Authentication authentication, @QueryValue @Nullable String find,
                         @QueryValue @Nullable String fragment) {
        Map<String, Object> model = model(authentication, find, null);
        String view = "cache/cache";
        if (Htmx.isRequest(request) && fragment != null) {
            view += " :: " + ("cache-entries".equals(fragment) ? "cache-entries" : "cache-stats");
        }
        return HttpResponse.ok(new ModelAndView<>(view, model));
    }

    @Post(value = "/clear", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured("ADMIN")
    HttpResponse<?> clear(Authentication authentication, @Body Map<String, String> form) {
        String kind = form.getOrDefault("kind", "").strip().toUpperCase(Locale.ROOT);
        Outcome outcome;
        HttpStatus status = HttpStatus.OK;
        if (!"yes".equals(form.get("confirm"))) {
            outcome = new Outcome(false, "Nothing was removed: tick the box to confirm.");
            status = HttpStatus.UNPROCESSABLE_ENTITY;
        } else {
            try {
                CacheSelection selection = new CacheSelection(CacheSelection.Kind.valueOf(kind),
                        "ALL".equals(kind) ? "" : form.getOrDefault("value", ""));
                long removed = cache.invalidate(selection);
                audit.cacheInvalidated(authentication, selection, removed);
                outcome = new Outcome(true, "Removed " + removed + (removed == 1 ? " entry" : " entries") + " ("
                        + selection.describe() + ") from every layer; other instances clear theirs within a second.");
            } catch (IllegalArgumentException invalid) {
                outcome = new Outcome(false, "Nothing was removed: " + (kind.isEmpty() ? "choose what to clear"
                        : invalid.getMessage().startsWith("No enum") ? "'" + kind + "' is not something to clear"
                        : invalid.getMessage()) + ".");
                status = HttpStatus.UNPROCESSABLE_ENTITY;
            }
        }
        return HttpResponse.status(status).body(new ModelAndView<>("cache/cache",
                model(authentication, null, outcome)));
    }

    /** Queues the repricing of the drafts priced more than {@code olderThanDays} ago (see the API's twin). */
    @Post(value = "/reprice", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured("ADMIN")
    HttpResponse<?> reprice(Authentication authentication, @Body Map<String, String> form) {
        Outcome outcome;
        HttpStatus status = HttpStatus.OK;
        try {
            int days = Integer.parseInt(form.getOrDefault("olderThanDays", "").strip());
            if (days < 0) {
                throw new NumberFormatException("negative");
            }
            String job = jobs.reprice(days);
            audit.repriceRequested(authentication, days, job);
            outcome = new Outcome(true, "Repricing the drafts priced over " + days + " days ago in the background"
                    + " (job " + job + ", on the Queue page).");
        } catch (NumberFormatException notADayCount) {
            outcome = new Outcome(false, "Nothing was queued: the age must be a whole number of days, 0 or more.");
            status = HttpStatus.UNPROCESSABLE_ENTITY;
        }
        return HttpResponse.status(status).body(new ModelAndView<>("cache/cache",
                model(authentication, null, outcome)));
    }

    private Map<String, Object> model(Authentication authentication, @Nullable String find, @Nullable Outcome outcome) {
        CacheReport.Report now = report.report();
        Map<String, Object> model = new HashMap<>();
        model.put("nav", "cache");
        model.put("layers", now.layers().stream().map(LayerRow::of).toList());
        model.put("visionSaved", Formats.price(now.visionSaved()));
        model.put("marketSpared", now.marketCallsSpared());
        model.put("taxonomySpared", now.taxonomyCallsSpared());
        model.put("canClear", Principals.role(authentication) == Role.ADMIN);
        String wanted = find == null ? "" : find.strip();
        model.put("find", wanted);
        List<EntryRow> entries = wanted.isEmpty() ? List.of()
                : statistics.find(wanted, ENTRIES_SHOWN).stream().map(EntryRow::of).toList();
        model.put("entries", entries);
        model.put("entriesShown", ENTRIES_SHOWN);
        if (outcome != null) {
            model.put("outcome", outcome);
        }
        return model;
    }
}
