package dev.boomer.console.users;

import dev.boomer.application.budgets.ManageBudgets;
import dev.boomer.application.users.ManageTokens;
import dev.boomer.audit.AdminAudit;
import dev.boomer.console.layout.Formats;
import dev.boomer.console.layout.Htmx;
import dev.boomer.costs.CostsCsv;
import dev.boomer.domain.audit.AuditAction;
import dev.boomer.domain.audit.AuditEntry;
import dev.boomer.domain.audit.AuditLog;
import dev.boomer.domain.budget.Budget;
import dev.boomer.domain.budget.BudgetInvalid;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.user.UserRepository;
import dev.boomer.security.Principals;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Users and budgets: every user's spend this period against the limits, parked items, spend per day; admins
 * edit budgets in place (HTMX), manage API tokens and export the ledger. Every change is in the audit log,
 * whose newest entries the page lists.
 */
@Controller("/users")
@Secured({"ADMIN", "OPERATOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
class UsersController {

    static final String EVENT = "budgetsChanged";
    private static final int AUDIT_SHOWN = 20;

    /** One audit log entry as the page lists it: "admin" "set the budget of alice" from "..." to "...". */
    record AuditRow(String at, String who, String what, String before, String after) {
    }

    /** A user's tokens and, right after creating one, its secret (shown this once). */
    record TokensPanel(String username, List<TokenRow> tokens, @Nullable String newSecret, @Nullable String newLabel) {
    }

    record TokenRow(String id, String label, String created, @Nullable String revoked) {
    }

    private final UserRepository users;
    private final ManageBudgets budgets;
    private final ManageTokens tokens;
    private final CostsCsv costs;
    private final AuditLog auditLog;
    private final AdminAudit audit;

    UsersController(UserRepository users, ManageBudgets budgets, ManageTokens tokens, CostsCsv costs,
                    AuditLog auditLog, AdminAudit audit) {
        this.users = users;
        this.budgets = budgets;
        this.tokens = tokens;
        this.costs = costs;
        this.auditLog = auditLog;
        this.audit = audit;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> page(HttpRequest<?> request, Authentication authentication) {
        String fragment = request.getParameters().get("fragment");
        if (Htmx.isRequest(request) && ("table".equals(fragment) || "audit".equals(fragment))) {
            String name = "table".equals(fragment) ? "users-table" : "audit-log";
            return HttpResponse.ok(new ModelAndView<>("users/users :: " + name, model(authentication, null)));
        }
        return HttpResponse.ok(new ModelAndView<>("users/users", model(authentication, null)));
    }

    @Get(value = "/{username}/budget", produces = MediaType.TEXT_HTML)
    @Secured("ADMIN")
    HttpResponse<?> editBudget(HttpRequest<?> request, Authentication authentication, @PathVariable String username) {
        Optional<User> user = users.findByUsername(username);
        if (user.isEmpty()) {
            return notFound(username);
        }
        BudgetForm form = BudgetForm.of(username, budgets.budgetOf(user.get().id()),
                UserRow.zoneName(user.get().timeZone()));
        return editor(request, authentication, "budget-editor", Map.of("form", form));
    }

    @Post(value = "/{username}/budget", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    @Secured("ADMIN")
    HttpResponse<?> saveBudget(HttpRequest<?> request, Authentication authentication, @PathVariable String username,
                               @Body Map<String, String> fields) {
        Optional<User> user = users.findByUsername(username);
        if (user.isEmpty()) {
            return notFound(username);
        }
        BudgetForm form = BudgetForm.typed(username, fields.get("period"), fields.get("timeZone"),
                fields.get("hardLimitUsd"), fields.get("softLimitUsd"), fields.get("itemCapUsd"));
        Budget budget;
        try {
            budget = form.toBudget();
        } catch (BudgetInvalid invalid) {
            return editor(request, authentication, "budget-editor", Map.of("form", form.withErrors(invalid.errors())));
        }
        budgets.setBudget(user.get().id(), budget, Principals.userId(authentication));
        if (!Htmx.isRequest(request)) {
            return HttpResponse.seeOther(URI.create("/users"));
        }
        return HttpResponse.ok(new ModelAndView<>("users/users :: budget-editor",
                        Map.of("form", form.asSaved())))
                .header(Htmx.TRIGGER, EVENT);
    }

    @Get(value = "/{username}/tokens", produces = MediaType.TEXT_HTML)
    @Secured("ADMIN")
    HttpResponse<?> tokens(HttpRequest<?> request, Authentication authentication, @PathVariable String username) {
        return users.findByUsername(username)
                .<HttpResponse<?>>map(user -> editor(request, authentication, "tokens-panel",
                        Map.of("panel", panel(user, null, null))))
                .orElseGet(() -> notFound(username));
    }

    @Post(value = "/{username}/tokens", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    @Secured("ADMIN")
    HttpResponse<?> createToken(HttpRequest<?> request, Authentication authentication, @PathVariable String username,
                                @Body Map<String, String> fields) {
        Optional<User> user = users.findByUsername(username);
        if (user.isEmpty()) {
            return notFound(username);
        }
        ManageTokens.NewToken created = tokens.create(user.get().id(), fields.get("label"));
        audit.record(authentication, AuditAction.TOKEN_ISSUED, AuditEntry.user(user.get().id()), Map.of(),
                Map.of("token", created.label()));
        return editor(request, authentication, "tokens-panel",
                Map.of("panel", panel(user.get(), created.secret(), created.label())));
    }

    @Post(value = "/{username}/tokens/{token}/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    @Secured("ADMIN")
    HttpResponse<?> revokeToken(HttpRequest<?> request, Authentication authentication, @PathVariable String username,
                                @PathVariable String token) {
        Optional<User> user = users.findByUsername(username);
        Optional<UUID> id = parse(token);
        if (user.isEmpty() || id.isEmpty() || !tokens.revoke(user.get().id(), id.get())) {
            return notFound("token " + token + " of " + username);
        }
        audit.record(authentication, AuditAction.TOKEN_REVOKED, AuditEntry.user(user.get().id()),
                Map.of("token", id.get().toString()), Map.of());
        return editor(request, authentication, "tokens-panel", Map.of("panel", panel(user.get(), null, null)));
    }

    /** The ledger as CSV for the range and user chosen on the page. */
    @Get(value = "/costs.csv", produces = {CostsCsv.MEDIA_TYPE, MediaType.TEXT_PLAIN})
    @Secured("ADMIN")
    HttpResponse<?> exportCosts(@QueryValue @Nullable String from, @QueryValue @Nullable String to,
                                @QueryValue @Nullable String user) {
        return switch (costs.export(from, to, user)) {
            case CostsCsv.Csv file -> HttpResponse.ok(file.body()).contentType(CostsCsv.MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + file.filename() + "\"");
            case CostsCsv.Refused refused -> HttpResponse.status(refused.notFound() ? HttpStatus.NOT_FOUND
                    : HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN).body(refused.message());
        };
    }

    /** For HTMX the fragment alone; otherwise the whole page with the fragment open in the editor. */
    private HttpResponse<?> editor(HttpRequest<?> request, Authentication authentication, String fragment,
                                   Map<String, Object> content) {
        if (Htmx.isRequest(request)) {
            return HttpResponse.ok(new ModelAndView<>("users/users :: " + fragment, content));
        }
        Map<String, Object> model = model(authentication, fragment);
        model.putAll(content);
        return HttpResponse.ok(new ModelAndView<>("users/users", model));
    }

    private Map<String, Object> model(Authentication authentication, @Nullable String editor) {
        List<User> everyone = users.findAll().stream().sorted(Comparator.comparing(User::username)).toList();
        Map<UserId, String> names = new HashMap<>();
        everyone.forEach(u -> names.put(u.id(), u.username()));
        List<UserRow> rows = everyone.stream()
                .map(u -> UserRow.of(u, budgets.budgetOf(u.id()), budgets.spend(u.id()))).toList();
        List<AuditRow> audit = auditLog.recent(AUDIT_SHOWN).stream().map(entry -> auditRow(entry, names)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("nav", "users");
        model.put("rows", rows);
        model.put("audit", audit);
        model.put("canEdit", Principals.role(authentication) == dev.boomer.domain.user.Role.ADMIN);
        if (editor != null) {
            model.put("editor", editor);
        }
        return model;
    }

    private static AuditRow auditRow(AuditEntry entry, Map<UserId, String> names) {
        String who = entry.actor().map(actor -> names.getOrDefault(actor, actor.toString())).orElse("Boomer");
        String subject = entry.subjectUser().map(user -> names.getOrDefault(user, user.toString()))
                .orElse(entry.subject());
        String what = entry.action().verb() + " " + subject;
        if (entry.action() == AuditAction.BUDGET_SET) {
            String before = entry.before().isEmpty() ? "no budget of its own"
                    : UserRow.describe(Budget.ofFields(entry.before()));
            return new AuditRow(Formats.time(entry.at()), who, what, before, UserRow.describe(Budget.ofFields(entry.after())));
        }
        return new AuditRow(Formats.time(entry.at()), who, what, fields(entry.before()), fields(entry.after()));
    }

    private static String fields(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> field.getKey() + ": " + field.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private TokensPanel panel(User user, @Nullable String secret, @Nullable String label) {
        List<TokenRow> rows = tokens.list(user.id()).stream().map(t -> new TokenRow(t.id().toString(), t.label(),
                Formats.time(t.createdAt()), t.revokedAt().map(Formats::time).orElse(null))).toList();
        return new TokensPanel(user.username(), rows, secret, label);
    }

    private static Optional<UUID> parse(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static HttpResponse<?> notFound(String what) {
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ModelAndView<>("errors/not-found",
                Map.of("nav", "users", "missing", what)));
    }
}
