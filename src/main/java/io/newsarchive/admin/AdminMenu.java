package io.newsarchive.admin;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Which entry of the admin menu is the page being shown, so that the menu marks it ({@code aria-current}). */
@Named
@RequestScoped
public class AdminMenu {

    private final CurrentVertxRequest request;

    AdminMenu(CurrentVertxRequest request) {
        this.request = request;
    }

    /** Whether the page is the entry's own or one below it ({@code /admin/runs/7} is under Ingest runs). */
    public boolean current(String entry) {
        String path = request.getCurrent().normalizedPath();
        return path.equals(entry) || (!entry.equals("/admin") && path.startsWith(entry + "/"));
    }
}
