package dev.cairn.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The words after a command: positional arguments, switches ({@code --wait}) and options with a value
 * ({@code --timeout 30m} or {@code --timeout=30m}). Anything else starting with {@code --} is a usage error, so a
 * typo in a CI script fails the job instead of being ignored.
 */
public final class Arguments {
    private final List<String> positional;
    private final Set<String> switches;
    private final Map<String, String> options;

    private Arguments(List<String> positional, Set<String> switches, Map<String, String> options) {
        this.positional = List.copyOf(positional);
        this.switches = Set.copyOf(switches);
        this.options = Map.copyOf(options);
    }

    /**
     * @param knownSwitches names without {@code --} that take no value
     * @param knownOptions names without {@code --} that take one value
     */
    public static Arguments parse(List<String> words, Set<String> knownSwitches, Set<String> knownOptions) throws UsageException {
        var positional = new ArrayList<String>();
        var switches = new HashSet<String>();
        var options = new HashMap<String, String>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) {
                positional.add(word);
                continue;
            }
            int equals = word.indexOf('=');
            String name = word.substring(2, equals < 0 ? word.length() : equals);
            if (knownSwitches.contains(name) && equals < 0) {
                switches.add(name);
            } else if (knownOptions.contains(name)) {
                String value = equals >= 0 ? word.substring(equals + 1) : i + 1 < words.size() ? words.get(++i) : null;
                if (value == null || value.isBlank() || value.startsWith("--")) {
                    throw new UsageException("--" + name + " needs a value");
                }
                options.put(name, value);
            } else {
                throw new UsageException("Unknown option " + word);
            }
        }
        return new Arguments(positional, switches, options);
    }

    public List<String> positional() {
        return positional;
    }

    /** Exactly {@code count} positional arguments, named in the message when they are not. */
    public List<String> positional(int count, String names) throws UsageException {
        if (positional.size() != count) {
            throw new UsageException("Expected " + names + ", got " + (positional.isEmpty() ? "nothing" : String.join(" ", positional)));
        }
        return positional;
    }

    public boolean has(String switchName) {
        return switches.contains(switchName);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }
}
