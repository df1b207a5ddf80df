package dev.cairn.store.text;

import java.util.Locale;

/**
 * How a text column becomes features, as the spec resolved it; stored with the fitted vocabulary so that serving
 * repeats it exactly.
 *
 * @param ngramMin shortest word n-gram (1 = single words)
 * @param ngramMax longest word n-gram
 * @param weighting {@code tfidf}: count × idf; {@code tf}: count; {@code binary}: 1 for a present term
 * @param norm {@code l2}: each document's vector is scaled to length 1 (long and short texts compare); {@code none}
 * @param minDf a term (or bucket) must occur in at least this many training documents
 * @param maxFeatures keep at most this many terms, those in the most training documents; 0 = no limit
 * @param hashBuckets more than 0: feature hashing, each n-gram counted in bucket {@code FNV-1a(n-gram) mod
 *        hashBuckets} instead of looked up in a vocabulary (bounded size, no list of words stored)
 */
public record TextSettings(int ngramMin, int ngramMax, String weighting, String norm, boolean lowercase, int minDf,
        int maxFeatures, int hashBuckets) {

    public static final String TFIDF = "tfidf";
    public static final String TF = "tf";
    public static final String BINARY = "binary";
    public static final String L2 = "l2";
    public static final String NONE = "none";

    /** Single words, TF-IDF, L2-normalised, lower-cased, every term kept. */
    public static final TextSettings DEFAULT = new TextSettings(1, 1, TFIDF, L2, true, 1, 0, 0);

    public TextSettings {
        if (ngramMin < 1 || ngramMax < ngramMin) {
            throw new IllegalArgumentException("n-grams need 1 <= min <= max; got " + ngramMin + ".." + ngramMax);
        }
        weighting = weighting == null ? TFIDF : weighting.toLowerCase(Locale.ROOT);
        norm = norm == null ? L2 : norm.toLowerCase(Locale.ROOT);
        if (!weighting.equals(TFIDF) && !weighting.equals(TF) && !weighting.equals(BINARY)) {
            throw new IllegalArgumentException("weighting must be tfidf, tf or binary; got " + weighting);
        }
        if (!norm.equals(L2) && !norm.equals(NONE)) {
            throw new IllegalArgumentException("norm must be l2 or none; got " + norm);
        }
        if (minDf < 1 || maxFeatures < 0 || hashBuckets < 0) {
            throw new IllegalArgumentException("min_df must be >= 1, max_features and hash_buckets >= 0");
        }
    }

    public boolean hashing() {
        return hashBuckets > 0;
    }
}
