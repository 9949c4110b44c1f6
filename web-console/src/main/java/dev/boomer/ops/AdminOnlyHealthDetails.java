package dev.boomer.ops;

import dev.boomer.domain.user.Role;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.DefaultHealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.runtime.ApplicationConfiguration;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * {@code /health} tells everyone whether Boomer is up, and only a signed-in admin what it runs on: the
 * details name the database, its user and version, and the disk. Micronaut's own setting knows
 * "anonymous" and "authenticated", not roles, so the level of detail is decided here, per request.
 */
@Singleton
@Replaces(DefaultHealthAggregator.class)
class AdminOnlyHealthDetails extends DefaultHealthAggregator {

    AdminOnlyHealthDetails(ApplicationConfiguration applicationConfiguration) {
        super(applicationConfiguration);
    }

    @Override
    public Publisher<HealthResult> aggregate(HealthIndicator[] indicators, HealthLevelOfDetail detail) {
        boolean admin = ServerRequestContext.currentRequest().map(AdminOnlyHealthDetails::isAdmin).orElse(false);
        return super.aggregate(indicators, admin ? detail : HealthLevelOfDetail.STATUS);
    }

    private static boolean isAdmin(HttpRequest<?> request) {
        return request.getAttribute(SecurityFilter.AUTHENTICATION, Authentication.class)
                .map(authentication -> authentication.getRoles().contains(Role.ADMIN.name()))
                .orElse(false);
    }
}
