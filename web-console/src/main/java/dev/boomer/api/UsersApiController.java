package dev.boomer.api;

import dev.boomer.api.BudgetJson.BudgetRequest;
import dev.boomer.application.budgets.ManageBudgets;
import dev.boomer.application.users.CreateUser;
import dev.boomer.audit.AdminAudit;
import dev.boomer.domain.audit.AuditAction;
import dev.boomer.domain.audit.AuditEntry;
import dev.boomer.domain.budget.Budget;
import dev.boomer.domain.budget.BudgetInvalid;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserRepository;
import dev.boomer.domain.user.UsernameTaken;
import dev.boomer.security.Principals;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Users and their budgets over REST. Creating users and setting budgets is for admins. */
@Controller("/api/v1/users")
@ExecuteOn(TaskExecutors.BLOCKING)
class UsersApiController {

    record NewUser(@Nullable String username, @Nullable String role, @Nullable String timeZone) {
    }

    record CreatedUser(String username, String role, String timeZone, String apiToken) {
    }

    private final CreateUser createUser;
    private final UserRepository users;
    private final ManageBudgets budgets;
    private final AdminAudit audit;

    UsersApiController(CreateUser createUser, UserRepository users, ManageBudgets budgets, AdminAudit audit) {
        this.createUser = createUser;
        this.users = users;
        this.budgets = budgets;
        this.audit = audit;
    }

    /** 201 with the new user's API token, shown this once. */
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured("ADMIN")
    HttpResponse<?> create(Authentication authentication, @Body NewUser request) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!User.isValidUsername(request.username())) {
            errors.put("username", "2-40 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }
        Role role = null;
        try {
            role = Role.valueOf(Optional.ofNullable(request.role()).orElse("").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("role", "ADMIN, OPERATOR, SELLER or VIEWER");
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(Optional.ofNullable(request.timeZone()).orElse("UTC").strip());
        } catch (DateTimeException e) {
            errors.put("timeZone", "'" + request.timeZone() + "' is not a time zone (try Europe/Berlin or UTC)");
        }
        if (!errors.isEmpty()) {
            return invalid("invalid_user", errors);
        }
        try {
            CreateUser.Created created = createUser.create(new CreateUser.Command(request.username(), role, zone,
                    Optional.empty(), Optional.empty()));
            User user = created.user();
            audit.record(authentication, AuditAction.USER_CREATED, AuditEntry.user(user.id()), Map.of(),
                    Map.of("username", user.username(), "role", user.role().name(), "timeZone", user.timeZone().getId()));
            return HttpResponse.created(new CreatedUser(user.username(), user.role().name(), user.timeZone().getId(),
                    created.apiToken()), URI.create("/api/v1/users/" + user.username() + "/budget"));
        } catch (UsernameTaken taken) {
            return ApiExceptionHandlers.error(HttpStatus.CONFLICT, "username_taken", taken.getMessage());
        }
    }

    @Get(value = "/{username}/budget", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> budget(Authentication authentication, @PathVariable String username) {
        return visibleUser(authentication, username)
                .<HttpResponse<?>>map(user -> HttpResponse.ok(BudgetJson.budget(user.username(),
                        budgets.budgetOf(user.id()), budgets.effectiveBudget(user.id()))))
                .orElseGet(() -> notFound(username));
    }

    @Put(value = "/{username}/budget", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured("ADMIN")
    HttpResponse<?> setBudget(Authentication authentication, @PathVariable String username,
                              @Body BudgetRequest request) {
        Optional<User> user = users.findByUsername(username);
        if (user.isEmpty()) {
            return notFound(username);
        }
        Budget budget;
        try {
            budget = request.toBudget();
        } catch (BudgetInvalid invalid) {
            return invalid("invalid_budget", invalid.errors());
        }
        budgets.setBudget(user.get().id(), budget, Principals.userId(authentication));
        return HttpResponse.ok(BudgetJson.budget(username, Optional.of(budget), Optional.of(budget)));
    }

    /** Spend in the current period, per day, with what is reserved and how many items are parked. */
    @Get(value = "/{username}/spend", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> spend(Authentication authentication, @PathVariable String username) {
        return visibleUser(authentication, username)
                .<HttpResponse<?>>map(user -> HttpResponse.ok(BudgetJson.spend(user.username(),
                        budgets.spend(user.id()))))
                .orElseGet(() -> notFound(username));
    }

    /** Admins see everyone; other users only themselves (anyone else is "not found", not "forbidden"). */
    private Optional<User> visibleUser(Authentication authentication, String username) {
        boolean admin = Principals.role(authentication) == Role.ADMIN;
        return users.findByUsername(username)
                .filter(user -> admin || user.id().equals(Principals.userId(authentication)));
    }

    private static HttpResponse<?> notFound(String username) {
        return ApiExceptionHandlers.error(HttpStatus.NOT_FOUND, "not_found", "user " + username + " not found");
    }

    private static HttpResponse<?> invalid(String code, Map<String, String> errors) {
        return HttpResponse.badRequest(new ApiError(code, String.join("; ", errors.values()), errors));
    }
}
