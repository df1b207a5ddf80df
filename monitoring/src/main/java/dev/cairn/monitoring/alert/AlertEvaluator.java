package dev.cairn.monitoring.alert;

import dev.cairn.contracts.AlertChanged;
import dev.cairn.contracts.AlertChanged.State;
import dev.cairn.monitoring.drift.FeatureDrift;
import dev.cairn.monitoring.window.WindowReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies the rules to each closed window and returns the alerts that changed state. Per deployment, rule and feature
 * an alert is either quiet or firing: it fires when the metric breaches the threshold (unless the rule fired for the
 * same key less than a cooldown ago, by window time), stays firing without repeating itself, and resolves once the
 * metric is back at the clear level. Drift and quality rules skip windows too small to score.
 * Memory: one entry per key that ever fired, bounded by deployments × rules × features.
 */
public final class AlertEvaluator {

    private record Key(String deploymentId, String rule, String feature) {
    }

    private static final class Episode {
        String alertId;
        boolean firing;
        Instant firedAt;
    }

    private final List<AlertRule> rules;
    private final Map<Key, Episode> episodes = new HashMap<>();
    private final long minLabels;
    private long suppressed;

    /** @param minLabels labelled predictions a window needs before performance rules judge it */
    public AlertEvaluator(List<AlertRule> rules, long minLabels) {
        this.rules = List.copyOf(rules);
        this.minLabels = minLabels;
    }

    public synchronized List<AlertChanged> evaluate(WindowReport report) {
        var changes = new ArrayList<AlertChanged>();
        for (AlertRule rule : rules) {
            if (rule.perFeature()) {
                if (report.driftScored()) {
                    for (FeatureDrift f : report.features()) {
                        if (rule.appliesTo(f.feature())) {
                            check(rule, f.feature(), f.value(rule.metric()), report, changes);
                        }
                    }
                }
            } else {
                check(rule, featureOf(rule), WindowMetrics.value(rule.metric(), report, minLabels), report, changes);
            }
        }
        return changes;
    }

    private static String featureOf(AlertRule rule) {
        return rule.metric().startsWith("prediction_") ? "prediction" : null;
    }

    private void check(AlertRule rule, String feature, double value, WindowReport report, List<AlertChanged> out) {
        if (Double.isNaN(value)) {
            return;
        }
        var key = new Key(report.deploymentId(), rule.name(), feature);
        Episode episode = episodes.get(key);
        if (episode != null && episode.firing) {
            if (rule.cleared(value)) {
                episode.firing = false;
                out.add(change(State.RESOLVED, episode.alertId, rule, feature, value, rule.clear(), report));
            }
            return;
        }
        if (!rule.breached(value)) {
            return;
        }
        if (episode != null && episode.firedAt.plus(rule.cooldown()).isAfter(report.end())) {
            suppressed++;
            return;
        }
        episode = episode == null ? new Episode() : episode;
        episode.alertId = UUID.randomUUID().toString();
        episode.firing = true;
        episode.firedAt = report.end();
        episodes.put(key, episode);
        out.add(change(State.FIRING, episode.alertId, rule, feature, value, rule.threshold(), report));
    }

    private static AlertChanged change(State state, String alertId, AlertRule rule, String feature, double value,
            double threshold, WindowReport report) {
        String subject = feature == null ? report.deploymentId() : report.deploymentId() + " feature " + feature;
        String message = state == State.FIRING
                ? String.format("%s: %s = %.4g is %s %.4g (rule %s)", subject, rule.metric(), value,
                        rule.above() ? "above" : "below", threshold, rule.name())
                : String.format("%s: %s = %.4g is back at %.4g (rule %s)", subject, rule.metric(), value, threshold,
                        rule.name());
        return new AlertChanged(AlertChanged.CURRENT_VERSION, alertId, state, rule.kind(), report.deploymentId(),
                report.modelVersion(), report.modelPackage(), rule.name(), feature, rule.metric(), value, threshold,
                report.start(), report.end(), report.predictions(), message, Instant.now());
    }

    /** Breaches not alerted because their rule was cooling down. */
    public synchronized long suppressed() {
        return suppressed;
    }
}
