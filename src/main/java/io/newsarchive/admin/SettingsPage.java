package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.system.CatalogConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The settings in force, for admins. They are changed where the service is deployed (environment variables or
 * {@code application.properties}) and take effect on the next start, so that every change goes through the
 * deployment's own record rather than a form.
 */
@Tag(name = "Admin pages")
@Path("/admin/settings")
@RolesAllowed(Role.Names.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class SettingsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(CatalogConfig config);
    }

    @Inject
    CatalogConfig config;

    @Operation(summary = "The service's settings")
    @GET
    public TemplateInstance show() {
        return Templates.settings(config);
    }
}
