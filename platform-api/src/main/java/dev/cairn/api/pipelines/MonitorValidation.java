package dev.cairn.api.pipelines;

import dev.cairn.api.problem.Problem.FieldError;
import dev.cairn.contracts.PipelineSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the spec's {@code monitor} section and fills its defaults. Drift: method psi, the method's conventional
 * line (PSI 0.2, Jensen–Shannon 0.1, a p-value of 0.001 for KS and chi-square), monitoring's own window when none is
 * given. Retraining: no default for {@code on} (a policy that retrains must say on what), cooldown 6h.
 */
final class MonitorValidation {
    /** Method → default threshold. KS and chi-square thresholds are p-values: the alert fires below them. */
    static final Map<String, Double> METHODS = Map.of("psi", 0.2, "jensen-shannon", 0.1, "ks", 0.001,
            "chi-square", 0.001);
    /** What a retraining run can answer: quality and health problems are not fixed by new weights. */
    static final List<String> RETRAIN_ON = List.of("drift", "performance");
    static final Duration DEFAULT_COOLDOWN = Duration.ofHours(6);
    /** Shorter cooldowns would let one noisy deployment queue a run per window. */
    static final Duration MIN_COOLDOWN = Duration.ofMinutes(1);
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,6})(s|m|h|d)");
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");

    private final List<FieldError> errors;

    MonitorValidation(List<FieldError> errors) {
        this.errors = errors;
    }

    PipelineSpec.Monitor resolve(SpecInput.Monitor in) {
        if (in == null) {
            return null;
        }
        return new PipelineSpec.Monitor(in.drift() == null ? null : drift(in.drift()),
                in.retrain() == null ? null : retrain(in.retrain()));
    }

    private PipelineSpec.Drift drift(SpecInput.Drift in) {
        var method = Objects.requireNonNullElse(in.method(), "psi");
        if (!METHODS.containsKey(method)) {
            errors.add(new FieldError("monitor.drift.method", "'" + method + "' is not one of "
                    + METHODS.keySet().stream().sorted().toList()));
            return null;
        }
        double threshold = Objects.requireNonNullElse(in.threshold(), METHODS.get(method));
        boolean pValue = method.equals("ks") || method.equals("chi-square");
        if (!(threshold > 0) || (pValue && threshold >= 1)) {
            errors.add(new FieldError("monitor.drift.threshold", pValue
                    ? "a p-value line for " + method + ": between 0 and 1 (exclusive); got " + threshold
                    : "must be above 0; got " + threshold));
        }
        if (in.window() != null && duration(in.window()).isEmpty() && !windowCount(in.window())) {
            errors.add(new FieldError("monitor.drift.window", "'" + in.window() + "' is neither a duration (30s, "
                    + "15m, 1h, 1d) nor a count of predictions of at least 100 (10000)"));
        }
        return new PipelineSpec.Drift(method, threshold, in.window());
    }

    private PipelineSpec.Retrain retrain(SpecInput.Retrain in) {
        var on = in.on() == null ? List.<String>of() : in.on();
        if (on.isEmpty()) {
            errors.add(new FieldError("monitor.retrain.on", "required: the alert kinds that start a retraining run, "
                    + "one or more of " + RETRAIN_ON));
        }
        on.stream().filter(kind -> !RETRAIN_ON.contains(kind)).forEach(kind -> errors.add(new FieldError(
                "monitor.retrain.on", "'" + kind + "' cannot start a retraining run; one of " + RETRAIN_ON
                        + " (quality and health alerts need a person, not new weights)")));
        var text = Objects.requireNonNullElse(in.cooldown(), "6h");
        var cooldown = duration(text);
        if (cooldown.isEmpty()) {
            errors.add(new FieldError("monitor.retrain.cooldown", "'" + text + "' is not a duration such as 30m, "
                    + "6h or 1d"));
        } else if (cooldown.get().compareTo(MIN_COOLDOWN) < 0) {
            errors.add(new FieldError("monitor.retrain.cooldown", "must be at least 1m; got " + text));
        }
        return new PipelineSpec.Retrain(on.stream().distinct().toList(), text,
                cooldown.orElse(DEFAULT_COOLDOWN).toSeconds());
    }

    /** {@code 90s}, {@code 15m}, {@code 6h}, {@code 1d}. */
    static Optional<Duration> duration(String text) {
        var m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        });
    }

    private static boolean windowCount(String text) {
        return COUNT.matcher(text.trim()).matches() && Long.parseLong(text.trim()) >= 100;
    }
}
