package dev.boomer.console.layout;

import dev.boomer.application.budgets.ManageBudgets;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.user.UserRepository;
import dev.boomer.security.CsrfTokens;
import dev.boomer.security.Principals;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Gives every console page what its layout needs: the session's CSRF token (for forms, and as a header for
 * HTMX), the signed-in user's name and role, and whether the user may run the queue.
 */
@Singleton
class ConsoleViewModelProcessor implements ViewModelProcessor<Map<String, Object>> {

    static final String CSRF_TOKEN = "csrfToken";
    static final String HX_HEADERS = "hxHeaders";
    static final String USERNAME = "username";
    static final String ROLE = "role";
    static final String OPERATES = "operates";
    static final String SUBMITS = "submits";

    static final String BUDGET_BANNER = "budgetBanner";

    private final CsrfTokens csrfTokens;
    private final ManageBudgets budgets;
    private final UserRepository users;

    ConsoleViewModelProcessor(CsrfTokens csrfTokens, ManageBudgets budgets, UserRepository users) {
        this.csrfTokens = csrfTokens;
        this.budgets = budgets;
        this.users = users;
    }

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElseGet(Map::of));
        String token = csrfTokens.tokenFor(request).orElse("");
        model.put(CSRF_TOKEN, token);
        model.put(HX_HEADERS, "{\"X-CSRF-TOKEN\": \"" + token + "\"}");
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        authentication.ifPresent(auth -> {
            model.put(USERNAME, auth.getName());
            model.put(ROLE, Principals.role(auth).name());
            model.put(OPERATES, Principals.role(auth).operates());
            model.put(SUBMITS, Principals.role(auth).submits());
            if (!Htmx.isRequest(request)) {
                // only whole pages show the layout's banner; HTMX fragments (polled every few seconds) do not
                budgetBanner(auth).ifPresent(banner -> model.put(BUDGET_BANNER, banner));
            }
        });
        modelAndView.setModel(model);
    }

    /** Operators see every user past the soft limit this period; anyone else sees whether they are. */
    private Optional<String> budgetBanner(Authentication auth) {
        List<UserId> past = budgets.pastSoftLimit();
        if (past.isEmpty()) {
            return Optional.empty();
        }
        if (Principals.role(auth).operates()) {
            String names = past.stream().map(id -> users.findById(id).map(User::username).orElse(id.toString()))
                    .sorted().collect(Collectors.joining(", "));
            return Optional.of("Past the soft limit this period: " + names
                    + ". Their items stay on the FAST tier until the period ends.");
        }
        return past.contains(Principals.userId(auth))
                ? Optional.of("You are past your soft spending limit this period: your items stay on the FAST tier.")
                : Optional.empty();
    }
}
