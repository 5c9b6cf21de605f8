package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.account.SignedIn;
import io.newsarchive.ingest.Uploads;
import io.newsarchive.system.CatalogConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URI;
import java.util.List;

/** Uploading files or zips: checked by a dry run first unless the archivist chooses to store at once. */
@Tag(name = "Admin pages")
@Path("/admin/upload")
@RolesAllowed(Role.Names.ARCHIVIST)
@Produces(MediaType.TEXT_HTML)
public class UploadPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(CatalogConfig.Uploads limits, long maxArticleBytes, String csrf);
    }

    @Inject
    Uploads uploads;

    @Inject
    UploadRuns uploadRuns;

    @Inject
    SignedIn signedIn;

    @Inject
    CatalogConfig config;

    @Operation(summary = "The upload form")
    @GET
    public TemplateInstance form() {
        return Templates.upload(config.uploads(), config.ingest().maxFileBytes().asLongValue(), signedIn.csrfToken());
    }

    /** Keeps the upload and starts its run; the run's page shows it. {@code mode} is {@code dry_run} or {@code store}. */
    @Operation(summary = "Uploads files and starts their run")
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(
            @RestForm("file") List<FileUpload> files,
            @RestForm @Schema(enumeration = {"dry_run", "store"}) String mode,
            @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        boolean dryRun = !"store".equals(mode);
        long runId = uploadRuns.start(uploads.keep(files), dryRun, signedIn.name());
        return Response.seeOther(URI.create("/admin/runs/" + runId)).build();
    }
}
