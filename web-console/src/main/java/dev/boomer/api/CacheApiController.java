package dev.boomer.api;

import dev.boomer.application.cache.CacheReport;
import dev.boomer.audit.AdminAudit;
import dev.boomer.jobs.RepriceJobs;
import dev.boomer.domain.cache.Cache;
import dev.boomer.domain.cache.CacheSelection;
import dev.boomer.domain.cache.CacheStatistics;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.util.ArrayList;
import java.util.List;

/**
 * The cache for operators: what it holds and saved ({@code GET}, OPERATOR and ADMIN), invalidation
 * ({@code POST /invalidate}, ADMIN: one of key, prefix, namespace, tag or all; every layer and instance)
 * and repricing stale drafts in the background ({@code POST /reprice-stale}, ADMIN).
 */
@Controller("/api/v1/cache")
@ExecuteOn(TaskExecutors.BLOCKING)
class CacheApiController {

    /** One namespace in one layer; {@code hits} and {@code misses} are this instance's since it started. */
    record LayerJson(String namespace, String layer, long entries, long bytes, long hits, long misses,
                     double hitRate) {
        static LayerJson of(CacheStatistics.LayerStats stats) {
            return new LayerJson(stats.namespace(), stats.layer(), stats.entries(), stats.bytes(), stats.hits(),
                    stats.misses(), Math.round(stats.hitRate() * 1000) / 1000.0);
        }
    }

    /** What the cache saved: vision answers' cost (every instance), calls spared (this instance). */
    record SavedJson(String visionUsd, long marketCalls, long taxonomyCalls) {
    }

    record CacheJson(List<LayerJson> layers, SavedJson saved) {
    }

    /** Exactly one of them: which entries to remove. */
    record InvalidateJson(@Nullable String key, @Nullable String prefix, @Nullable String namespace,
                          @Nullable String tag, @Nullable Boolean all) {
    }

    record RemovedJson(long removed, String selected) {
    }

    /** Drafts priced more than this many days ago are quoted again; the default when absent. */
    record RepriceJson(@Nullable Integer olderThanDays) {
    }

    record RepricingJson(String jobId, int olderThanDays) {
    }

    static final int REPRICE_DEFAULT_DAYS = 7;

    private final CacheReport report;
    private final Cache cache;
    private final AdminAudit audit;
    private final RepriceJobs jobs;

    CacheApiController(CacheReport report, Cache cache, AdminAudit audit, RepriceJobs jobs) {
        this.report = report;
        this.cache = cache;
        this.audit = audit;
        this.jobs = jobs;
    }

    /** Quotes again, in the background, the drafts priced more than {@code olderThanDays} ago (7 by default). */
    @Post(value = "/reprice-stale", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured("ADMIN")
    HttpResponse<?> repriceStale(Authentication authentication, @Body @Nullable RepriceJson body) {
        int days = body == null || body.olderThanDays() == null ? REPRICE_DEFAULT_DAYS : body.olderThanDays();
        if (days < 0) {
            return ApiExceptionHandlers.error(HttpStatus.BAD_REQUEST, "invalid_age",
                    "olderThanDays must be 0 or more, not " + days);
        }
        String job = jobs.reprice(days);
        audit.repriceRequested(authentication, days, job);
        return HttpResponse.accepted().body(new RepricingJson(job, days));
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Secured({"ADMIN", "OPERATOR"})
    CacheJson stats() {
        CacheReport.Report now = report.report();
        return new CacheJson(now.layers().stream().map(LayerJson::of).toList(),
                new SavedJson(now.visionSaved().plain(), now.marketCallsSpared(), now.taxonomyCallsSpared()));
    }

    @Post(value = "/invalidate", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured("ADMIN")
    HttpResponse<?> invalidate(Authentication authentication, @Body InvalidateJson body) {
        List<CacheSelection> chosen = new ArrayList<>();
        try {
            if (body.key() != null) {
                chosen.add(new CacheSelection(CacheSelection.Kind.KEY, body.key()));
            }
            if (body.prefix() != null) {
                chosen.add(CacheSelection.prefix(body.prefix()));
            }
            if (body.namespace() != null) {
                chosen.add(CacheSelection.namespace(body.namespace()));
            }
            if (body.tag() != null) {
                chosen.add(CacheSelection.tag(body.tag()));
            }
            if (Boolean.TRUE.equals(body.all())) {
                chosen.add(CacheSelection.all());
            }
        } catch (IllegalArgumentException blank) {
            return ApiExceptionHandlers.error(HttpStatus.BAD_REQUEST, "invalid_selection", blank.getMessage());
        }
        if (chosen.size() != 1) {
            return ApiExceptionHandlers.error(HttpStatus.BAD_REQUEST, "invalid_selection",
                    "give exactly one of key, prefix, namespace, tag or \"all\": true");
        }
        CacheSelection selection = chosen.getFirst();
        long removed = cache.invalidate(selection);
        audit.cacheInvalidated(authentication, selection, removed);
        return HttpResponse.ok(new RemovedJson(removed, selection.describe()));
    }
}
