package dev.cairn.store.artifact;

/** Where an artifact lives: the lowercase hex SHA-256 of its bytes, and their count. */
public record ArtifactRef(String sha256, long size) {

    /**
     * True for exactly 64 lowercase hex characters, the only digests a storage accepts; lets a
     * caller (a REST path parameter, a manifest field) refuse a bad one before asking for it.
     */
    public static boolean isSha256(String candidate) {
        return Sha256.isValid(candidate);
    }
}
