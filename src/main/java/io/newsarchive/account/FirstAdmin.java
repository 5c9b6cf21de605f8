package io.newsarchive.account;

import io.newsarchive.system.CatalogConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Creates the first admin from {@code CATALOG_ADMIN_USER} and {@code CATALOG_ADMIN_PASSWORD} when the catalog has
 * no user yet. There is no built-in account: without them nobody can write over HTTP, and {@code serve} says so.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    private final CatalogConfig config;

    FirstAdmin(CatalogConfig config) {
        this.config = config;
    }

    /**
     * Instances that start at once take turns: the table lock makes the second wait for the first's commit and then
     * count its admin, instead of failing on the same name.
     */
    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (config.admin().user().isEmpty() || config.admin().password().isEmpty()) {
            return;
        }
        CatalogUser.getEntityManager()
                .createNativeQuery("lock table app_user in share row exclusive mode")
                .executeUpdate();
        if (CatalogUser.count() > 0) {
            return;
        }
        String user = config.admin().user().get();
        if (!CatalogUser.isValidName(user)) {
            throw new IllegalStateException("catalog.admin.user \"" + user + "\" is no user name: 1 to 64 letters,"
                    + " digits, '.', '_', '@' or '-'");
        }
        CatalogUser.add(user, config.admin().password().get(), Role.ADMIN);
        LOG.infof("created the first admin, %s, from catalog.admin.user", user);
    }

    /** Warns when nobody can sign in: the catalog can be browsed, but not written to over HTTP. */
    @Transactional
    public void warnIfNobodyCanSignIn() {
        if (CatalogUser.count() == 0) {
            LOG.warn("the catalog has no users, so nobody can ingest or edit over HTTP: set CATALOG_ADMIN_USER and"
                    + " CATALOG_ADMIN_PASSWORD to create the first admin at the next start");
        }
    }
}
