package dev.cairn.api.pipelines.gate;

import dev.cairn.api.pipelines.gate.GateExpr.Condition;
import dev.cairn.api.pipelines.gate.GateExpr.Numeric;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recursive descent over the gate grammar, lowest precedence first:
 *
 * <pre>
 * or         := and ("or" and)*
 * and        := not ("and" not)*
 * not        := "not" not | comparison
 * comparison := sum (("&gt;=" | "&lt;=" | "&gt;" | "&lt;" | "==" | "!=") sum)?
 * sum        := unary (("+" | "-") unary)*
 * unary      := "-" unary | number | name ("." name)? | "(" or ")"
 * </pre>
 *
 * Parentheses may hold either a condition or a number; the types are checked as nodes are built, so
 * {@code f1_macro and 0.8} or a bare {@code f1_macro} is refused with the column where it goes wrong.
 * Nothing is evaluated by a script engine: the only operations are the ones above.
 */
final class GateParser {
    static final int MAX_LENGTH = 1000;
    private static final int MAX_DEPTH = 50;
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(>=|<=|==|!=|[<>()+.-]))");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not");

    private record Token(String kind, String text, int start, int end) {
    }

    private final String source;
    private final List<Token> tokens;
    private int position;
    private int depth;

    private GateParser(String source) {
        this.source = source;
        this.tokens = tokenize(source);
    }

    static Condition parse(String source) {
        if (source == null || source.isBlank()) {
            throw new GateSyntaxException("the gate is empty; write a condition such as \"f1_macro >= 0.8\"");
        }
        if (source.length() > MAX_LENGTH) {
            throw new GateSyntaxException("the gate is longer than " + MAX_LENGTH + " characters");
        }
        var parser = new GateParser(source);
        var expr = parser.or();
        if (parser.position < parser.tokens.size()) {
            throw parser.error(parser.peek(), "unexpected '" + parser.peek().text() + "'");
        }
        if (!(expr instanceof Condition condition)) {
            throw new GateSyntaxException("the gate must be a condition, such as \"" + expr.text()
                    + " >= 0.8\", not a number");
        }
        return condition;
    }

    private GateExpr or() {
        int start = startOfNext();
        var left = and();
        while (accept("or")) {
            var right = and();
            left = new GateExpr.Logical("or", condition(left, "or"), condition(right, "or"), span(start));
        }
        return left;
    }

    private GateExpr and() {
        int start = startOfNext();
        var left = not();
        while (accept("and")) {
            var right = not();
            left = new GateExpr.Logical("and", condition(left, "and"), condition(right, "and"), span(start));
        }
        return left;
    }

    private GateExpr not() {
        int start = startOfNext();
        if (accept("not")) {
            var operand = nested(this::not);
            return new GateExpr.Not(condition(operand, "not"), source.substring(start, endOfPrevious()).strip());
        }
        return comparison();
    }

    private GateExpr comparison() {
        int start = startOfNext();
        var left = sum();
        var next = position < tokens.size() ? peek().text() : "";
        if (Set.of(">=", "<=", ">", "<", "==", "!=").contains(next)) {
            position++;
            var right = sum();
            return new GateExpr.Comparison(next, numeric(left, next), numeric(right, next), span(start));
        }
        return left;
    }

    private GateExpr sum() {
        int start = startOfNext();
        var left = unary();
        while (position < tokens.size() && (peek().text().equals("+") || peek().text().equals("-"))) {
            char op = tokens.get(position++).text().charAt(0);
            var right = unary();
            left = new GateExpr.Arithmetic(op, numeric(left, String.valueOf(op)), numeric(right, String.valueOf(op)),
                    span(start));
        }
        return left;
    }

    private GateExpr unary() {
        if (position >= tokens.size()) {
            throw new GateSyntaxException("the gate ends too early, at column " + (source.length() + 1)
                    + "; expected a metric, a number or '('");
        }
        var token = tokens.get(position++);
        return switch (token.kind()) {
            case "number" -> new GateExpr.Number(Double.parseDouble(token.text()), token.text());
            case "name" -> metric(token);
            default -> switch (token.text()) {
                case "-" -> {
                    var operand = nested(this::unary);
                    yield new GateExpr.Negated(numeric(operand, "-"), source.substring(token.start(), endOfPrevious()));
                }
                case "(" -> {
                    var inner = nested(this::or);
                    expect(")");
                    yield rewrap(inner, source.substring(token.start(), endOfPrevious()));
                }
                default -> throw error(token, "expected a metric, a number or '(' but found '" + token.text() + "'");
            };
        };
    }

    private GateExpr metric(Token name) {
        if (KEYWORDS.contains(name.text())) {
            throw error(name, "expected a metric, a number or '(' but found '" + name.text() + "'");
        }
        if (position < tokens.size() && peek().text().equals(".")) {
            position++;
            if (position >= tokens.size() || !tokens.get(position).kind().equals("name")) {
                throw new GateSyntaxException("after '" + name.text() + ".' at column " + (name.start() + 1)
                        + " comes a metric name, e.g. " + name.text() + ".f1_macro");
            }
            var metric = tokens.get(position++);
            return new GateExpr.Metric(name.text(), metric.text(), source.substring(name.start(), metric.end()));
        }
        return new GateExpr.Metric(null, name.text(), name.text());
    }

    /** A parenthesised expression keeps its own node but shows its parentheses when explained. */
    private static GateExpr rewrap(GateExpr inner, String text) {
        return switch (inner) {
            case GateExpr.Number n -> new GateExpr.Number(n.value(), text);
            case GateExpr.Metric m -> new GateExpr.Metric(m.alias(), m.metric(), text);
            case GateExpr.Arithmetic a -> new GateExpr.Arithmetic(a.op(), a.left(), a.right(), text);
            case GateExpr.Negated n -> new GateExpr.Negated(n.operand(), text);
            case GateExpr.Comparison c -> new GateExpr.Comparison(c.op(), c.left(), c.right(), text);
            case GateExpr.Logical l -> new GateExpr.Logical(l.op(), l.left(), l.right(), text);
            case GateExpr.Not n -> new GateExpr.Not(n.operand(), text);
        };
    }

    private GateExpr nested(java.util.function.Supplier<GateExpr> rule) {
        if (++depth > MAX_DEPTH) {
            throw new GateSyntaxException("the gate nests deeper than " + MAX_DEPTH + " levels");
        }
        try {
            return rule.get();
        } finally {
            depth--;
        }
    }

    private static Condition condition(GateExpr expr, String op) {
        if (expr instanceof Condition condition) {
            return condition;
        }
        throw new GateSyntaxException("'" + op + "' joins conditions, but \"" + expr.text()
                + "\" is a number; compare it, e.g. \"" + expr.text() + " >= 0.8\"");
    }

    private static Numeric numeric(GateExpr expr, String op) {
        if (expr instanceof Numeric numeric) {
            return numeric;
        }
        throw new GateSyntaxException("'" + op + "' needs numbers on both sides, but \"" + expr.text()
                + "\" is a condition");
    }

    private boolean accept(String keyword) {
        if (position < tokens.size() && tokens.get(position).kind().equals("name")
                && tokens.get(position).text().equals(keyword)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String text) {
        if (position >= tokens.size()) {
            throw new GateSyntaxException("the gate ends before a closing '" + text + "'");
        }
        if (!peek().text().equals(text)) {
            throw error(peek(), "expected '" + text + "' but found '" + peek().text() + "'");
        }
        position++;
    }

    private Token peek() {
        return tokens.get(position);
    }

    private int startOfNext() {
        return position < tokens.size() ? tokens.get(position).start() : source.length();
    }

    private int endOfPrevious() {
        return tokens.get(position - 1).end();
    }

    private String span(int start) {
        return source.substring(start, endOfPrevious()).strip();
    }

    private GateSyntaxException error(Token token, String what) {
        return new GateSyntaxException("at column " + (token.start() + 1) + ": " + what);
    }

    private static List<Token> tokenize(String source) {
        var tokens = new ArrayList<Token>();
        var matcher = TOKEN.matcher(source);
        int at = 0;
        while (at < source.length()) {
            if (source.substring(at).isBlank()) {
                break;
            }
            if (!matcher.find(at) || matcher.start() != at) {
                throw new GateSyntaxException("at column " + (firstNonBlank(source, at) + 1) + ": unexpected '"
                        + source.charAt(firstNonBlank(source, at)) + "'");
            }
            String kind = matcher.group(1) != null ? "number" : matcher.group(2) != null ? "name" : "symbol";
            int group = matcher.group(1) != null ? 1 : matcher.group(2) != null ? 2 : 3;
            tokens.add(new Token(kind, matcher.group(group), matcher.start(group), matcher.end(group)));
            at = matcher.end();
        }
        return tokens;
    }

    private static int firstNonBlank(String source, int from) {
        int i = from;
        while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
            i++;
        }
        return Math.min(i, source.length() - 1);
    }
}
