package dev.boomer.api;

import dev.boomer.costs.CostsCsv;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

/** The cost ledger as CSV, for accounting: one row per paid call. */
@Controller("/api/v1/costs")
@Secured("ADMIN")
class CostsApiController {

    private final CostsCsv csv;

    CostsApiController(CostsCsv csv) {
        this.csv = csv;
    }

    /** {@code ?from=2026-11-01&to=2026-11-30&user=alice}; every parameter optional (see {@link CostsCsv}). */
    @Get(value = "/export.csv", produces = {CostsCsv.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> export(@QueryValue @Nullable String from, @QueryValue @Nullable String to,
                           @QueryValue @Nullable String user) {
        return switch (csv.export(from, to, user)) {
            case CostsCsv.Csv file -> HttpResponse.ok(file.body()).contentType(CostsCsv.MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + file.filename() + "\"");
            case CostsCsv.Refused refused -> ApiExceptionHandlers.error(
                    refused.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, refused.code(),
                    refused.message());
        };
    }
}
