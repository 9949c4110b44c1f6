package dev.boomer.api;

import dev.boomer.domain.cost.CostLedger;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.user.UserRepository;
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
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The cost ledger as CSV, for accounting: one row per paid call. */
@Controller("/api/v1/costs")
@Secured("ADMIN")
class CostsApiController {

    private final CostsCsv csv;

    CostsApiController(CostsCsv csv) {
        this.csv = csv;
    }

    /**
     * {@code from} and {@code to}: ISO dates (UTC days, {@code to} inclusive) or instants; by default the last
     * 30 days. {@code user}: a username, or every user.
     */
    @Get(value = "/export.csv", produces = {CostsCsv.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> export(@QueryValue @Nullable String from, @QueryValue @Nullable String to,
                           @QueryValue @Nullable String user) {
        return csv.response(from, to, user);
    }

    /** Parses the export's query and writes the CSV; shared by the API and the console's export button. */
    @Singleton
    static final class CostsCsv {

        static final String MEDIA_TYPE = "text/csv";
        static final String HEADER = "time,username,item,step,attempt,provider,model,tier,input_tokens,"
                + "output_tokens,cache_write_tokens,cache_read_tokens,images,cost_usd\n";

        private final CostLedger ledger;
        private final UserRepository users;
        private final Clock clock;

        CostsCsv(CostLedger ledger, UserRepository users, Clock clock) {
            this.ledger = ledger;
            this.users = users;
            this.clock = clock;
        }

        HttpResponse<?> response(@Nullable String from, @Nullable String to, @Nullable String username) {
            Instant end;
            Instant start;
            try {
                end = to == null || to.isBlank() ? clock.instant() : bound(to, true);
                start = from == null || from.isBlank() ? end.minus(Duration.ofDays(30)) : bound(from, false);
            } catch (DateTimeParseException e) {
                return ApiExceptionHandlers.error(HttpStatus.BAD_REQUEST, "invalid_range",
                        "from and to must be dates (2026-12-01) or instants (2026-12-01T10:00:00Z)");
            }
            if (!end.isAfter(start)) {
                return ApiExceptionHandlers.error(HttpStatus.BAD_REQUEST, "invalid_range", "from must be before to");
            }
            Optional<UserId> user = Optional.empty();
            if (username != null && !username.isBlank()) {
                user = users.findByUsername(username.strip()).map(u -> u.id());
                if (user.isEmpty()) {
                    return ApiExceptionHandlers.error(HttpStatus.NOT_FOUND, "not_found", "user " + username
                            + " not found");
                }
            }
            StringBuilder out = new StringBuilder(HEADER);
            Map<UserId, String> names = new HashMap<>();
            ledger.forEachEntry(start, end, user, entry -> {
                String name = names.computeIfAbsent(entry.user(), id -> users.findById(id)
                        .map(u -> u.username()).orElse(id.toString()));
                var usage = entry.usage();
                out.append(entry.at()).append(',').append(name).append(',').append(entry.key().item()).append(',')
                        .append(entry.key().step()).append(',').append(entry.key().attempt()).append(',')
                        .append(field(entry.provider())).append(',').append(field(entry.model())).append(',')
                        .append(entry.tier()).append(',').append(usage.inputTokens()).append(',')
                        .append(usage.outputTokens()).append(',').append(usage.cacheWriteTokens()).append(',')
                        .append(usage.cacheReadTokens()).append(',').append(usage.images()).append(',')
                        .append(entry.cost().amount().toPlainString()).append('\n');
            });
            String file = "boomer-costs-" + LocalDate.ofInstant(start, ZoneOffset.UTC) + "-"
                    + LocalDate.ofInstant(end, ZoneOffset.UTC) + ".csv";
            return HttpResponse.ok(out.toString()).contentType(MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        }

        /** Quoted when it holds a comma, a quote or a line break (RFC 4180). */
        static String field(String value) {
            return value.matches("[^,\"\r\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
        }

        /** A date is a whole UTC day: "to" includes it. */
        private static Instant bound(String text, boolean end) {
            String value = text.strip();
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        }
    }
}
