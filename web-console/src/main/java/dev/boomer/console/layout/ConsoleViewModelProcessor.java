package dev.boomer.console.layout;

import dev.boomer.security.CsrfTokens;
import dev.boomer.security.Principals;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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

    private final CsrfTokens csrfTokens;

    ConsoleViewModelProcessor(CsrfTokens csrfTokens) {
        this.csrfTokens = csrfTokens;
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
            model.put(OPERATES, Principals.viewer(auth).seesEveryone());
        });
        modelAndView.setModel(model);
    }
}
