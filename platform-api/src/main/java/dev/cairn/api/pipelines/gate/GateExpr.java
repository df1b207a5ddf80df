package dev.cairn.api.pipelines.gate;

/**
 * A parsed gate expression. Every node keeps the slice of the gate's text it came from, so a failed
 * comparison can be explained in the user's own words.
 */
sealed interface GateExpr {

    String text();

    /** Yields a number; {@link #isBoolean()} is false. */
    sealed interface Numeric extends GateExpr {
    }

    /** Yields true or false. */
    sealed interface Condition extends GateExpr {
    }

    default boolean isBoolean() {
        return this instanceof Condition;
    }

    record Number(double value, String text) implements Numeric {
    }

    /** {@code f1_macro} (the candidate's metric, alias null) or {@code production.f1_macro}. */
    record Metric(String alias, String metric, String text) implements Numeric {
    }

    record Arithmetic(char op, Numeric left, Numeric right, String text) implements Numeric {
    }

    record Negated(Numeric operand, String text) implements Numeric {
    }

    record Comparison(String op, Numeric left, Numeric right, String text) implements Condition {
    }

    record Logical(String op, Condition left, Condition right, String text) implements Condition {
    }

    record Not(Condition operand, String text) implements Condition {
    }
}
