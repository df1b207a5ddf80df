package dev.cairn.api.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.api.Roles;
import dev.cairn.api.deployments.Deployment;
import dev.cairn.api.monitoring.AlertResource;
import dev.cairn.api.monitoring.AlertView;
import dev.cairn.api.monitoring.DriftResource;
import dev.cairn.api.monitoring.DriftSeries;
import dev.cairn.api.problem.NotFoundException;
import dev.cairn.contracts.WindowMeasured;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Monitoring, for SREs, admins and data scientists: per deployment, drift over time per feature, data quality and
 * performance of the last windows, alerts with their state and the retraining runs they started.
 */
@Path("/ui/monitoring")
@Produces(MediaType.TEXT_HTML)
public class MonitoringPages {
    private static final int WINDOWS = 200;
    private final Page page;
    private final AlertResource alerts;
    private final DriftResource drift;
    private final ObjectMapper json;
    private final Engine templates;

    MonitoringPages(Page page, AlertResource alerts, DriftResource drift, ObjectMapper json, Engine templates) {
        this.page = page;
        this.alerts = alerts;
        this.drift = drift;
        this.json = json;
        this.templates = templates;
    }

    /** One feature's figures in the last window, as the quality table shows them. */
    public record Quality(String feature, String kind, String psi, String pValue, String missing, String unseen,
            String outOfRange, String invalid) {
    }

    /** The last closed window in words and figures; contracts' records stay out of the templates. */
    public record LastWindow(long predictions, String modelVersion, java.time.Instant start, java.time.Instant end,
            long labelled, String accuracy, String f1, long requests, String errorRate, String p99Millis) {
        static LastWindow of(DriftSeries.Point w) {
            var p = w.performance();
            var h = w.health();
            return new LastWindow(w.predictions(), w.modelVersion(), w.windowStart(), w.windowEnd(),
                    p == null ? 0 : p.labelled(), p == null ? "–" : figure(p.accuracy()), p == null ? "–" : figure(p.f1()),
                    h == null ? 0 : h.requests(), h == null ? "–" : figure(h.errorRate()),
                    h == null ? "–" : figure(h.p99Millis()));
        }
    }

    @GET
    @Transactional
    @RolesAllowed({ Roles.SRE, Roles.ADMIN, Roles.DATA_SCIENTIST })
    public TemplateInstance show(@RestQuery String deployment) throws JsonProcessingException {
        var names = new TreeSet<String>();
        Deployment.<Deployment>listAll().forEach(d -> names.add(d.name));
        alerts.list(null, null, null, 0, 200).items().forEach(a -> names.add(a.deployment()));
        String selected = deployment != null && !deployment.isBlank() ? deployment
                : names.isEmpty() ? null : names.first();
        var view = page.of(templates.getTemplate("monitoring.html"), "monitoring").data("deployments", names)
                .data("selected", selected);
        if (selected == null) {
            return view.data("alerts", List.of()).data("quality", List.of()).data("last", null)
                    .data("chartsJson", "{}");
        }
        var series = series(selected);
        List<AlertView> alertList = alerts.list(selected, null, null, 0, 100).items();
        var last = series.windows().isEmpty() ? null : series.windows().getLast();
        return view.data("alerts", alertList).data("last", last == null ? null : LastWindow.of(last))
                .data("quality", last == null ? List.of() : last.features().stream().map(MonitoringPages::quality).toList())
                .data("chartsJson", json.writeValueAsString(charts(series)));
    }

    private DriftSeries series(String deployment) {
        try {
            return drift.series(deployment, null, WINDOWS);
        } catch (NotFoundException e) {
            return new DriftSeries(deployment, null, List.of());
        }
    }

    /** Per chart, per line, the points {x: window number, y: figure}; null figures leave gaps. */
    private static Map<String, Map<String, List<Object[]>>> charts(DriftSeries series) {
        var charts = new LinkedHashMap<String, Map<String, List<Object[]>>>();
        chart(charts, "PSI per feature", series, f -> f.psi());
        chart(charts, "Jensen–Shannon distance per feature", series, f -> f.jensenShannon());
        var performance = new LinkedHashMap<String, List<Object[]>>();
        var windows = series.windows();
        for (int i = 0; i < windows.size(); i++) {
            var p = windows.get(i).performance();
            if (p != null && p.labelled() > 0) {
                performance.computeIfAbsent("accuracy", k -> new ArrayList<>()).add(new Object[] { i + 1, p.accuracy() });
                performance.computeIfAbsent("f1", k -> new ArrayList<>()).add(new Object[] { i + 1, p.f1() });
            }
            var prediction = windows.get(i).prediction();
            if (prediction != null && prediction.psi() != null) {
                charts.computeIfAbsent("Prediction drift (PSI)", k -> new LinkedHashMap<>())
                        .computeIfAbsent("predictions", k -> new ArrayList<>())
                        .add(new Object[] { i + 1, prediction.psi() });
            }
        }
        if (!performance.isEmpty()) {
            charts.put("Performance on labelled predictions", performance);
        }
        return charts;
    }

    private static void chart(Map<String, Map<String, List<Object[]>>> charts, String title, DriftSeries series,
            Function<WindowMeasured.Feature, Double> figure) {
        var lines = new LinkedHashMap<String, List<Object[]>>();
        var windows = series.windows();
        for (int i = 0; i < windows.size(); i++) {
            for (var f : windows.get(i).features()) {
                if (figure.apply(f) != null && windows.get(i).driftScored()) {
                    lines.computeIfAbsent(f.feature(), k -> new ArrayList<>())
                            .add(new Object[] { i + 1, figure.apply(f) });
                }
            }
        }
        if (!lines.isEmpty()) {
            charts.put(title, lines);
        }
    }

    private static Quality quality(WindowMeasured.Feature f) {
        var p = f.chiSquarePValue() != null ? f.chiSquarePValue() : f.ksPValue();
        return new Quality(f.feature(), f.kind(), figure(f.psi()), p == null ? "–" : String.format("%.2e", p),
                percent(f.missingRate()), percent(f.unseenRate()), percent(f.outOfRangeRate()),
                percent(f.invalidRate()));
    }

    private static String figure(Double value) {
        return value == null ? "–" : String.format("%.4f", value);
    }

    private static String percent(Double rate) {
        return rate == null ? "–" : String.format("%.2f %%", 100 * rate);
    }
}
