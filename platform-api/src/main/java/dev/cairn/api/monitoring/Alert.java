package dev.cairn.api.monitoring;

import dev.cairn.contracts.AlertChanged;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One alert episode of a deployment, as monitoring reported it on {@code cairn.alerts}: created by the firing record,
 * closed by the resolving one (they share the alert id). Records are applied once: a redelivered one changes nothing.
 */
@Entity
public class Alert extends PanacheEntityBase {
    @Id
    public String alertId;
    @Enumerated(EnumType.STRING)
    public AlertChanged.State state;
    @Enumerated(EnumType.STRING)
    public AlertChanged.Kind kind;
    public String deploymentId;
    public String modelVersion;
    public String modelPackage;
    public String rule;
    public String feature;
    public String metric;
    public Double value;
    public Double threshold;
    public Instant windowStart;
    public Instant windowEnd;
    public Long windowPredictions;
    public String message;
    public Instant firedAt;
    public Instant resolvedAt;
    public Double resolvedValue;
    public Instant receivedAt;

    /**
     * Applies one record from {@code cairn.alerts}.
     *
     * @return the episode when this record started it (a firing record seen for the first time), else null
     */
    static Alert apply(AlertChanged record) {
        Alert known = findById(record.alertId());
        if (record.state() == AlertChanged.State.FIRING) {
            if (known != null) {
                return null;
            }
            var alert = of(record);
            alert.firedAt = record.at();
            alert.persist();
            return alert;
        }
        if (known == null) {
            // The firing record was before this service listened: keep the episode, closed.
            known = of(record);
            known.persist();
        } else if (known.state == AlertChanged.State.RESOLVED) {
            return null;
        }
        known.state = AlertChanged.State.RESOLVED;
        known.resolvedAt = record.at();
        known.resolvedValue = finite(record.value());
        return null;
    }

    private static Alert of(AlertChanged r) {
        var alert = new Alert();
        alert.alertId = r.alertId();
        alert.state = r.state();
        alert.kind = r.kind();
        alert.deploymentId = r.deploymentId();
        alert.modelVersion = r.modelVersion();
        alert.modelPackage = r.modelPackage();
        alert.rule = r.rule();
        alert.feature = r.feature();
        alert.metric = r.metric();
        alert.value = finite(r.value());
        alert.threshold = finite(r.threshold());
        alert.windowStart = r.windowStart();
        alert.windowEnd = r.windowEnd();
        alert.windowPredictions = r.windowPredictions();
        alert.message = r.message();
        alert.receivedAt = Instant.now();
        return alert;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** Newest first; every filter is optional. */
    static PanacheQuery<Alert> search(String deployment, AlertChanged.State state, AlertChanged.Kind kind) {
        var where = new ArrayList<String>();
        var params = new Parameters();
        if (deployment != null) {
            where.add("deploymentId = :deployment");
            params.and("deployment", deployment);
        }
        if (state != null) {
            where.add("state = :state");
            params.and("state", state);
        }
        if (kind != null) {
            where.add("kind = :kind");
            params.and("kind", kind);
        }
        var order = " order by receivedAt desc, alertId";
        return where.isEmpty() ? find(order.substring(1)) : find(String.join(" and ", where) + order, params);
    }

    static List<Alert> firing(String deployment) {
        return list("deploymentId = ?1 and state = ?2 order by receivedAt desc", deployment,
                AlertChanged.State.FIRING);
    }
}
