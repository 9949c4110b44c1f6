package dev.boomer.costs;

import dev.boomer.domain.cost.CostEntry;
import dev.boomer.domain.cost.CostLedger;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.user.UserRepository;
import dev.boomer.domain.vision.Usage;
import io.micronaut.core.annotation.Nullable;
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

/**
 * The cost ledger as CSV, one row per paid call, for the API's export and the console's export button.
 * {@code from} and {@code to} are ISO dates (whole UTC days, {@code to} included) or instants; by default
 * the last 30 days. {@code user} is a username, or every user when absent.
 */
@Singleton
public final class CostsCsv {

    public static final String MEDIA_TYPE = "text/csv";
    static final String HEADER = "time,username,item,step,attempt,provider,model,tier,input_tokens,"
            + "output_tokens,cache_write_tokens,cache_read_tokens,images,cost_usd,estimated\n";

    /** What an export request gives: the file, or why there is none. */
    public sealed interface Export {
    }

    public record Csv(String filename, String body) implements Export {
    }

    /** @param notFound the user does not exist (else the range is wrong) */
    public record Refused(String code, String message, boolean notFound) implements Export {
    }

    private final CostLedger ledger;
    private final UserRepository users;
    private final Clock clock;

    CostsCsv(CostLedger ledger, UserRepository users, Clock clock) {
        this.ledger = ledger;
        this.users = users;
        this.clock = clock;
    }

    public Export export(@Nullable String from, @Nullable String to, @Nullable String username) {
        Instant start;
        Instant end;
        try {
            end = blank(to) ? clock.instant() : bound(to, true);
            start = blank(from) ? end.minus(Duration.ofDays(30)) : bound(from, false);
        } catch (DateTimeParseException e) {
            return new Refused("invalid_range", "from and to must be dates (2026-12-01) or instants "
                    + "(2026-12-01T10:00:00Z)", false);
        }
        if (!end.isAfter(start)) {
            return new Refused("invalid_range", "from must be before to", false);
        }
        Optional<UserId> user = Optional.empty();
        if (!blank(username)) {
            user = users.findByUsername(username.strip()).map(User::id);
            if (user.isEmpty()) {
                return new Refused("not_found", "user " + username + " not found", true);
            }
        }
        StringBuilder out = new StringBuilder(HEADER);
        Map<UserId, String> names = new HashMap<>();
        ledger.forEachEntry(start, end, user, entry -> row(out, entry, names.computeIfAbsent(entry.user(),
                id -> users.findById(id).map(User::username).orElse(id.toString()))));
        return new Csv("boomer-costs-" + LocalDate.ofInstant(start, ZoneOffset.UTC) + "-"
                + LocalDate.ofInstant(end, ZoneOffset.UTC) + ".csv", out.toString());
    }

    private static void row(StringBuilder out, CostEntry entry, String username) {
        Usage usage = entry.usage();
        out.append(entry.at()).append(',').append(field(username)).append(',').append(entry.key().item())
                .append(',').append(entry.key().step()).append(',').append(entry.key().attempt()).append(',')
                .append(field(entry.provider())).append(',').append(field(entry.model())).append(',')
                .append(entry.tier()).append(',').append(usage.inputTokens()).append(',')
                .append(usage.outputTokens()).append(',').append(usage.cacheWriteTokens()).append(',')
                .append(usage.cacheReadTokens()).append(',').append(usage.images()).append(',')
                .append(entry.cost().amount().toPlainString()).append(',').append(entry.estimated()).append('\n');
    }

    /** Quoted when it holds a comma, a quote or a line break (RFC 4180). */
    static String field(String value) {
        return value.matches("[^,\"\r\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    /** A date is a whole UTC day: as {@code to} it is included. */
    private static Instant bound(String text, boolean end) {
        String value = text.strip();
        if (value.length() == 10) {
            LocalDate day = LocalDate.parse(value);
            return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return Instant.parse(value);
    }
}
