package dev.cairn.cli.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cairn.cli.Arguments;
import dev.cairn.cli.UsageException;

/**
 * {@code run <spec.yaml> [--wait] [--timeout 30m]}.
 *
 * @param timeout how long {@code --wait} waits; only meaningful with it
 */
record RunOptions(Path spec, boolean await, Duration timeout) {
    static final String USAGE = "Usage: ./cairn run <spec.yaml> [--wait] [--timeout 30m]";
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    private static final Pattern UNITS = Pattern.compile("(\\d+)([hms])");

    static RunOptions parse(List<String> words) throws UsageException {
        var args = Arguments.parse(words, Set.of("wait"), Set.of("timeout"));
        String spec = args.positional(1, "one pipeline spec file").get(0);
        Duration timeout = DEFAULT_TIMEOUT;
        if (args.option("timeout").isPresent()) {
            if (!args.has("wait")) {
                throw new UsageException("--timeout only makes sense with --wait");
            }
            timeout = duration(args.option("timeout").get());
        }
        return new RunOptions(Path.of(spec), args.has("wait"), timeout);
    }

    /** {@code 90s}, {@code 30m}, {@code 2h}, {@code 1h30m}, or ISO-8601 such as {@code PT45M}; more than zero. */
    static Duration duration(String text) throws UsageException {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Duration parsed = Duration.ZERO;
        try {
            if (value.startsWith("pt")) {
                parsed = Duration.parse(value);
            } else {
                Matcher unit = UNITS.matcher(value);
                int end = 0;
                while (unit.find() && unit.start() == end) {
                    long amount = Long.parseLong(unit.group(1));
                    parsed = parsed.plus(switch (unit.group(2)) {
                        case "h" -> Duration.ofHours(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        default -> Duration.ofSeconds(amount);
                    });
                    end = unit.end();
                }
                if (end == 0 || end != value.length()) {
                    parsed = Duration.ZERO;
                }
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            parsed = Duration.ZERO;
        }
        if (parsed.isZero() || parsed.isNegative()) {
            throw new UsageException("--timeout " + text + ": expected a positive duration such as 90s, 30m, 2h or 1h30m");
        }
        return parsed;
    }
}
