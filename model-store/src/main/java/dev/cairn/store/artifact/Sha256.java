package dev.cairn.store.artifact;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 digests as the store spells them: 64 lowercase hex characters. */
final class Sha256 {

    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    private Sha256() {
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Digests become file names, so anything but exactly 64 lowercase hex characters is refused
     * here: no separators, no dots, no way out of the store's root.
     */
    static String requireValid(String sha256) {
        if (!isValid(sha256)) {
            throw new IllegalArgumentException("not a SHA-256 digest (64 lowercase hex characters): " + abbreviate(sha256));
        }
        return sha256;
    }

    static boolean isValid(String candidate) {
        return candidate != null && DIGEST.matcher(candidate).matches();
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() <= 80 ? "'" + s + "'" : "'" + s.substring(0, 77) + "...'";
    }
}
