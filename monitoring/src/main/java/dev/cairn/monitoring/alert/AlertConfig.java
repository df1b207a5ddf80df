package dev.cairn.monitoring.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Alert rules by name ({@code monitoring.alerts.rules.<name>.*}) and where alerts go besides {@code cairn.alerts}.
 * Each rule sets exactly one of {@code above} and {@code below}.
 */
@ConfigMapping(prefix = "monitoring.alerts")
public interface AlertConfig {

    Map<String, Rule> rules();

    /** Labelled predictions a window needs before accuracy, recall and F1 rules judge it. */
    @WithDefault("100")
    long minLabels();

    /** When set, every alert change is also POSTed there as JSON (the {@code AlertChanged} record). */
    Optional<String> webhookUrl();

    interface Rule {
        /** A per-feature metric (psi, ks, …) or a window metric (prediction_psi, accuracy, latency_p99_ms, …). */
        String metric();

        /** The features a per-feature rule checks; all when unset. */
        Optional<List<String>> features();

        /** Fires when the metric exceeds this. */
        OptionalDouble above();

        /** Fires when the metric falls below this (accuracy, p-values). */
        OptionalDouble below();

        /** Resolves once the metric is back to this level; the threshold itself when unset (no hysteresis). */
        OptionalDouble clear();

        /** After firing, the rule stays quiet this long for the same deployment and feature. */
        @WithDefault("1h")
        Duration cooldown();
    }

    /** The rules as domain objects; a rule with neither or both of above/below is refused at start. */
    default List<AlertRule> toRules() {
        return rules().entrySet().stream().map(e -> {
            Rule r = e.getValue();
            if (r.above().isPresent() == r.below().isPresent()) {
                throw new IllegalArgumentException("alert rule '" + e.getKey() + "' must set exactly one of above, below");
            }
            boolean above = r.above().isPresent();
            double threshold = above ? r.above().getAsDouble() : r.below().getAsDouble();
            return new AlertRule(e.getKey(), r.metric(), java.util.Set.copyOf(r.features().orElse(List.of())), above,
                    threshold, r.clear().orElse(threshold), r.cooldown());
        }).toList();
    }
}
