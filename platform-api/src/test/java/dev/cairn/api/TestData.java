package dev.cairn.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The real data sets the tests use, read from the repository's demo folder (sources and licenses there). */
public final class TestData {
    private TestData() {
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] churnCsv() {
        try {
            return Files.readAllBytes(Path.of(System.getProperty("basedir", "."), "..", "demo", "churn.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
