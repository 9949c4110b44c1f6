package dev.boomer.console.login;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/**
 * The sign-in form. The form posts to {@code /login}, which micronaut-security handles: success goes to
 * {@code /}, failure back here with {@code ?error=true}; signing out lands here with {@code ?logout=true}.
 */
@Controller("/login")
@Secured(SecurityRule.IS_ANONYMOUS)
public class LoginPageController {

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> page(@Nullable @QueryValue String error, @Nullable @QueryValue String logout) {
        return HttpResponse.ok(view(new LoginView(error != null, logout != null, 0)));
    }

    /** The form again, saying how long to wait: for a sign-in refused because of earlier failures. */
    public static ModelAndView<Map<String, Object>> throttled(long retryAfterSeconds) {
        return view(new LoginView(false, false, retryAfterSeconds));
    }

    private static ModelAndView<Map<String, Object>> view(LoginView login) {
        return new ModelAndView<>("login/login", Map.of("login", login));
    }

    /** What the form shows above its fields; {@code retryAfterSeconds} above zero: sign-in is held that long. */
    record LoginView(boolean failed, boolean signedOut, long retryAfterSeconds) {
    }
}
