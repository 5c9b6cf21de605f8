package io.newsarchive.account;

import io.newsarchive.system.CatalogConfig;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Lets anonymous visitors read the catalog unless {@code catalog.anonymous-browsing} is off. */
@ApplicationScoped
public class BrowsePolicy implements HttpSecurityPolicy {

    @Inject
    CatalogConfig config;

    @Override
    public Uni<CheckResult> checkPermission(
            RoutingContext request, Uni<SecurityIdentity> identity, AuthorizationRequestContext context) {
        if (config.anonymousBrowsing()) {
            return CheckResult.permit();
        }
        return identity.map(who -> who.isAnonymous() ? CheckResult.DENY : CheckResult.PERMIT);
    }

    @Override
    public String name() {
        return "browse";
    }
}
