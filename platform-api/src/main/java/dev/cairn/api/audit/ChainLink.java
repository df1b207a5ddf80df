package dev.cairn.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What an entry's hash covers, and how: SHA-256 (lowercase hex) of the {@link CanonicalJson canonical JSON} of
 * {@code {action, actor, after, at, before, prev_hash, seq, target}}, with {@code at} in UTC at microseconds
 * ({@code 2026-05-04T09:15:02.123456Z}, PostgreSQL's precision) and absent before/after as {@code null}.
 * Including {@code prev_hash} chains each entry to the one before it.
 */
record ChainLink(long seq, Instant at, String actor, String action, String target, JsonNode before, JsonNode after,
        String prevHash) {

    /** The {@code prev_hash} of the first entry. */
    static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    ChainLink {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(prevHash, "prevHash");
        // The database keeps microseconds; hashing anything finer would not survive the round trip.
        at = at.truncatedTo(ChronoUnit.MICROS);
    }

    String canonical() {
        var fields = JsonNodeFactory.instance.objectNode();
        fields.put("seq", seq);
        fields.put("at", AT.format(at));
        fields.put("actor", actor);
        fields.put("action", action);
        fields.put("target", target);
        fields.set("before", before);
        fields.set("after", after);
        fields.put("prev_hash", prevHash);
        return CanonicalJson.write(fields);
    }

    String hash() {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
