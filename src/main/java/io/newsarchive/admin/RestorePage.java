package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.account.SignedIn;
import io.newsarchive.restore.BagRestore;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;

/** Restoring the catalog from a bag it exported, for admins: the page of {@code catalog restore}. */
@Tag(name = "Admin pages")
@Path("/admin/restore")
@RolesAllowed(Role.Names.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class RestorePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance restore(String csrf, BagRestore.Restored restored, List<String> problems);
    }

    private final BagRestore restore;
    private final SignedIn signedIn;

    RestorePage(BagRestore restore, SignedIn signedIn) {
        this.restore = restore;
        this.signedIn = signedIn;
    }

    @Operation(summary = "The restore form")
    @GET
    public TemplateInstance form() {
        return Templates.restore(signedIn.csrfToken(), null, List.of());
    }

    /** Restores the uploaded bag; the page says what was restored, or why nothing was (422). */
    @Operation(summary = "Restores the catalog from an uploaded bag")
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response restore(@RestForm("bag") FileUpload bag, @RestForm String merge, @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        if (bag == null || bag.size() == 0) {
            return refused(List.of("choose the bag to restore: the .bag.zip file an export gave"));
        }
        try {
            BagRestore.Restored restored =
                    restore.restore(bag.uploadedFile(), bag.fileName(), merge != null, signedIn.name());
            return Response.ok(Templates.restore(signedIn.csrfToken(), restored, List.of()))
                    .build();
        } catch (BagRestore.Refused e) {
            return refused(e.problems);
        }
    }

    private Response refused(List<String> problems) {
        return Response.status(422)
                .entity(Templates.restore(signedIn.csrfToken(), null, problems))
                .build();
    }
}
