package dev.cairn.api.pipelines.gate;

import dev.cairn.api.pipelines.gate.GateExpr.Condition;
import dev.cairn.api.pipelines.gate.GateExpr.Numeric;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A validation gate: a condition over the candidate model's evaluation metrics and the metrics of the
 * versions that hold aliases of the same registered model, e.g.
 * {@code f1_macro >= 0.80 and f1_macro >= production.f1_macro - 0.01}.
 *
 * <p>A comparison that names an alias nobody holds yet (the first model has no {@code production}), or
 * a metric the aliased version never recorded, is skipped and counts as passed, with a note: a gate
 * meant to stop regressions must not stop the very first model. Absolute thresholds still apply.
 */
public final class Gate {
    private final String text;
    private final Condition root;

    private Gate(String text, Condition root) {
        this.text = text;
        this.root = root;
    }

    /** @throws GateSyntaxException with the column and what was expected there */
    public static Gate parse(String text) {
        return new Gate(text, GateParser.parse(text));
    }

    public String text() {
        return text;
    }

    /** The candidate's metrics the gate reads ({@code f1_macro}), so a spec can check it evaluates them. */
    public Set<String> candidateMetrics() {
        var names = new LinkedHashSet<String>();
        metrics(root).stream().filter(m -> m.alias() == null).forEach(m -> names.add(m.metric()));
        return names;
    }

    /** The metrics read from aliased versions, as {@code alias.metric}. */
    public Set<String> aliasMetrics() {
        var names = new LinkedHashSet<String>();
        metrics(root).stream().filter(m -> m.alias() != null).forEach(m -> names.add(m.alias() + "." + m.metric()));
        return names;
    }

    /**
     * @param candidate the metrics of the model under test
     * @param aliased the metrics of the version holding an alias, empty when no version holds it
     */
    public GateVerdict evaluate(Map<String, Double> candidate, Function<String, Optional<Map<String, Double>>> aliased) {
        var evaluation = new Evaluation(candidate, aliased);
        boolean passed = evaluation.test(root);
        return new GateVerdict(text, passed, passed ? List.of() : evaluation.failed, List.copyOf(evaluation.notes));
    }

    private static List<GateExpr.Metric> metrics(GateExpr expr) {
        var found = new ArrayList<GateExpr.Metric>();
        collect(expr, found);
        return found;
    }

    private static void collect(GateExpr expr, List<GateExpr.Metric> found) {
        switch (expr) {
            case GateExpr.Metric m -> found.add(m);
            case GateExpr.Number n -> {
            }
            case GateExpr.Arithmetic a -> {
                collect(a.left(), found);
                collect(a.right(), found);
            }
            case GateExpr.Negated n -> collect(n.operand(), found);
            case GateExpr.Comparison c -> {
                collect(c.left(), found);
                collect(c.right(), found);
            }
            case GateExpr.Logical l -> {
                collect(l.left(), found);
                collect(l.right(), found);
            }
            case GateExpr.Not n -> collect(n.operand(), found);
        }
    }

    /** One evaluation: every comparison is evaluated (no short cut), so a failure lists all that failed. */
    private static final class Evaluation {
        private final Map<String, Double> candidate;
        private final Function<String, Optional<Map<String, Double>>> aliased;
        private final List<String> failed = new ArrayList<>();
        private final Set<String> notes = new LinkedHashSet<>();

        Evaluation(Map<String, Double> candidate, Function<String, Optional<Map<String, Double>>> aliased) {
            this.candidate = candidate == null ? Map.of() : candidate;
            this.aliased = aliased;
        }

        boolean test(Condition condition) {
            return switch (condition) {
                case GateExpr.Logical l -> {
                    boolean left = test(l.left());
                    boolean right = test(l.right());
                    yield l.op().equals("and") ? left && right : left || right;
                }
                case GateExpr.Not n -> {
                    int before = failed.size();
                    boolean inner = test(n.operand());
                    // What failed inside a "not" is what made it pass; a failed "not" is reported whole.
                    failed.subList(before, failed.size()).clear();
                    if (inner) {
                        failed.add(n.text() + " is false");
                    }
                    yield !inner;
                }
                case GateExpr.Comparison c -> compare(c);
            };
        }

        private boolean compare(GateExpr.Comparison c) {
            Double left = value(c.left());
            Double right = value(c.right());
            if (left == null || right == null) {
                return true; // skipped: an alias or one of its metrics is missing, noted by value()
            }
            if (left.isNaN() || right.isNaN()) {
                failed.add(c.text() + " cannot be decided: " + (left.isNaN() ? c.left() : c.right()).text()
                        + " was not measured");
                return false;
            }
            boolean holds = switch (c.op()) {
                case ">=" -> left >= right;
                case "<=" -> left <= right;
                case ">" -> left > right;
                case "<" -> left < right;
                case "==" -> left.doubleValue() == right.doubleValue();
                default -> left.doubleValue() != right.doubleValue();
            };
            if (!holds) {
                failed.add(describe(c.left(), left) + " " + negation(c.op()) + " " + describe(c.right(), right));
            }
            return holds;
        }

        /** The number, NaN when the candidate lacks the metric, null when an aliased value is missing. */
        private Double value(Numeric expr) {
            return switch (expr) {
                case GateExpr.Number n -> n.value();
                case GateExpr.Metric m -> metric(m);
                case GateExpr.Negated n -> {
                    Double inner = value(n.operand());
                    yield inner == null ? null : -inner;
                }
                case GateExpr.Arithmetic a -> {
                    Double left = value(a.left());
                    Double right = value(a.right());
                    yield left == null || right == null ? null : a.op() == '+' ? left + right : left - right;
                }
            };
        }

        private Double metric(GateExpr.Metric m) {
            if (m.alias() == null) {
                Double value = candidate.get(m.metric());
                return value == null ? Double.NaN : value;
            }
            var metrics = aliased.apply(m.alias());
            if (metrics.isEmpty()) {
                notes.add("no version holds alias '" + m.alias() + "' yet: comparisons with " + m.alias()
                        + ".* were skipped and count as passed");
                return null;
            }
            Double value = metrics.get().get(m.metric());
            if (value == null || value.isNaN()) {
                notes.add("the version holding '" + m.alias() + "' has no " + m.metric()
                        + ": comparisons with it were skipped and count as passed");
                return null;
            }
            return value;
        }

        private static String describe(Numeric expr, double value) {
            return switch (expr) {
                case GateExpr.Number n -> n.text();
                case GateExpr.Metric m -> m.text() + " " + format(value);
                default -> expr.text() + " (" + format(value) + ")";
            };
        }

        private static String negation(String op) {
            return switch (op) {
                case ">=" -> "<";
                case "<=" -> ">";
                case ">" -> "<=";
                case "<" -> ">=";
                case "==" -> "!=";
                default -> "==";
            };
        }
    }

    /** Four decimals at most, no trailing zeros: 0.72, 0.8123, 1. */
    static String format(double value) {
        var text = String.format(java.util.Locale.ROOT, "%.4f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
        return text.equals("-0") ? "0" : text;
    }
}
