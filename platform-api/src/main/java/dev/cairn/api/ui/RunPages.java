package dev.cairn.api.ui;

import dev.cairn.api.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Runs and experiments: the table and the side-by-side comparison. Sorting, filtering and paging ask for the same page
 * through htmx, which swaps in only the table and pushes the URL (so back, reload and bookmarks work).
 */
@Path("/ui/runs")
@Produces(MediaType.TEXT_HTML)
public class RunPages {
    private final Page page;
    private final RunQueries runs;
    private final ComparisonQueries comparisons;
    private final Template runsPage;
    private final Template compare;

    RunPages(Page page, RunQueries runs, ComparisonQueries comparisons, @Location("runs.html") Template runsPage,
            @Location("compare.html") Template compare) {
        this.page = page;
        this.runs = runs;
        this.comparisons = comparisons;
        this.runsPage = runsPage;
        this.compare = compare;
    }

    @GET
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    public Response list(@RestQuery String experiment, @RestQuery String status, @RestQuery String q,
            @RestQuery String where, @RestQuery String sort, @RestQuery String dir, @RestQuery Integer page,
            @RestQuery Integer size) {
        long started = System.nanoTime();
        var table = table(RunFilter.of(experiment, status, q, where, sort, dir, page, size));
        // Rendered here rather than by the framework, so the Server-Timing header can tell the whole server time
        // (queries and template) apart from the network: bench/ui-runs-page.sh reads it.
        String html = this.page.of(runsPage, "runs").data("table", table).data("experiments", runs.experiments())
                .data("statuses", List.of("RUNNING", "FINISHED", "FAILED", "KILLED")).render();
        double total = (System.nanoTime() - started) / 1e6;
        return Response.ok(html, MediaType.TEXT_HTML_TYPE).header("Server-Timing",
                String.format(Locale.ROOT, "db;dur=%d, total;dur=%.1f", table.took(), total)).build();
    }

    @GET
    @Path("/compare")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    public TemplateInstance compare(@RestQuery("id") List<String> ids) {
        return page.of(compare, "runs").data("comparison", comparisons.compare(ids == null ? List.of() : ids));
    }

    private RunsTable table(RunFilter filter) {
        long started = System.nanoTime();
        var result = runs.page(filter);
        var headers = new ArrayList<RunsTable.Header>();
        for (var column : List.of("experiment", "name", "status", "user", "start", "end")) {
            headers.add(header(filter, column, column.equals("end") ? "duration" : column));
        }
        var metricHeaders = result.metricKeys().stream().map(k -> header(filter, "metric:" + k, k)).toList();
        String previous = filter.page() == 0 ? null : "/ui/runs?" + filter.withPage(filter.page() - 1).query();
        String next = (long) (filter.page() + 1) * filter.size() >= result.total() ? null
                : "/ui/runs?" + filter.withPage(filter.page() + 1).query();
        long took = (System.nanoTime() - started) / 1_000_000;
        return new RunsTable(filter, result.rows(), result.metricKeys(), result.total(), headers, metricHeaders,
                previous, next, took);
    }

    private static RunsTable.Header header(RunFilter filter, String key, String label) {
        String arrow = key.equals(filter.sort()) ? (filter.ascending() ? "▲" : "▼") : "";
        return new RunsTable.Header(label, "/ui/runs?" + filter.sortedBy(key).query(), arrow);
    }
}
