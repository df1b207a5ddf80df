package dev.cairn.api.monitoring;

import dev.cairn.contracts.WindowMeasured;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One closed monitoring window of a deployment (from {@code cairn.monitoring}): a point of drift over time. */
@Entity
public class MonitoringWindow extends PanacheEntity {
    public String deploymentId;
    public String modelVersion;
    public String modelPackage;
    public Instant windowStart;
    public Instant windowEnd;
    public long predictions;
    public boolean driftScored;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<WindowMeasured.Feature> features;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public WindowMeasured.Feature prediction;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public WindowMeasured.Performance performance;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public WindowMeasured.Health health;
    public Instant receivedAt;

    /**
     * Stores the window once (a redelivered record is recognised by deployment, package and bounds) and drops the
     * deployment's oldest windows beyond {@code kept}, so the series stays bounded whatever the traffic.
     *
     * @return false when the window was already stored
     */
    static boolean record(WindowMeasured m, int kept) {
        boolean known = count("deploymentId = ?1 and modelPackage = ?2 and windowStart = ?3 and windowEnd = ?4",
                m.deploymentId(), m.modelPackage(), m.windowStart(), m.windowEnd()) > 0;
        if (known) {
            return false;
        }
        var w = new MonitoringWindow();
        w.deploymentId = m.deploymentId();
        w.modelVersion = m.modelVersion();
        w.modelPackage = m.modelPackage();
        w.windowStart = m.windowStart();
        w.windowEnd = m.windowEnd();
        w.predictions = m.predictions();
        w.driftScored = m.driftScored();
        w.features = m.features() == null ? List.of() : m.features();
        w.prediction = m.prediction();
        w.performance = m.performance();
        w.health = m.health();
        w.receivedAt = Instant.now();
        w.persist();
        getEntityManager().flush();
        getEntityManager().createNativeQuery("""
                delete from monitoring_window where id in (select id from monitoring_window
                where deployment_id = ?1 order by window_end desc, id desc offset ?2)""")
                .setParameter(1, m.deploymentId()).setParameter(2, kept).executeUpdate();
        return true;
    }

    /** The deployment's newest {@code limit} windows, oldest first (the order a chart draws them). */
    static List<MonitoringWindow> series(String deployment, int limit) {
        List<MonitoringWindow> newest = find("deploymentId = ?1 order by windowEnd desc, id desc", deployment)
                .page(0, limit).list();
        return newest.reversed();
    }
}
