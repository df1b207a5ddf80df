package dev.cairn.store.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one text column into weighted term features: words ({@link Tokenizer}), word n-grams, then counts of the
 * known terms weighted by TF-IDF, raw counts or presence, optionally scaled to unit length. Fitted on the training
 * documents ({@link #fit}), stored as a {@link TextVocabulary}, rebuilt for serving ({@link #of}). Immutable and
 * thread-safe.
 *
 * <p>Besides its terms, every document gives the feature {@code column#} = 1 (see {@link #DOCUMENT}): a text whose
 * words are all unknown still has one feature the model knows, so the model answers it (from what it learnt about
 * documents in general) rather than refusing it.
 */
public final class TextVectorizer {

    /** Separates column and term in feature names: {@code message#free beer}. */
    public static final String SEPARATOR = "#";
    /** The term of the feature every document has; no n-gram is empty, so it cannot collide with one. */
    public static final String DOCUMENT = "";

    private final TextVocabulary vocabulary;
    private final Map<String, Integer> index;

    private TextVectorizer(TextVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.index = HashMap.newHashMap(vocabulary.terms().size());
        for (int i = 0; i < vocabulary.terms().size(); i++) {
            index.put(vocabulary.terms().get(i), i);
        }
    }

    /** The vectorizer a stored vocabulary describes. */
    public static TextVectorizer of(TextVocabulary vocabulary) {
        if (vocabulary.terms() == null
                || (TextSettings.TFIDF.equals(vocabulary.settings().weighting())
                        && (vocabulary.idf() == null || vocabulary.idf().size() != vocabulary.terms().size()))) {
            throw new IllegalArgumentException("the text vocabulary of column '" + vocabulary.column()
                    + "' is incomplete: its terms and idf weights do not match");
        }
        return new TextVectorizer(vocabulary);
    }

    /**
     * Learns the terms of the training documents: those in at least {@code minDf} documents, then at most
     * {@code maxFeatures} of them (the ones in the most documents; ties by term order, for a stable result).
     */
    public static TextVectorizer fit(String column, TextSettings settings, List<String> documents) {
        Map<String, Integer> df = new HashMap<>();
        for (String document : documents) {
            for (String term : new HashSet<>(terms(document, settings))) {
                df.merge(term, 1, Integer::sum);
            }
        }
        var kept = df.entrySet().stream().filter(e -> e.getValue() >= settings.minDf())
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(settings.maxFeatures() > 0 ? settings.maxFeatures() : Long.MAX_VALUE)
                .map(Map.Entry::getKey).sorted(Comparator.naturalOrder()).toList();
        List<Double> idf = null;
        if (settings.weighting().equals(TextSettings.TFIDF)) {
            int n = documents.size();
            idf = kept.stream().map(t -> Math.log((1.0 + n) / (1.0 + df.get(t))) + 1.0).toList();
        }
        return new TextVectorizer(new TextVocabulary(column, settings, documents.size(), kept, idf));
    }

    public TextVocabulary vocabulary() {
        return vocabulary;
    }

    public String column() {
        return vocabulary.column();
    }

    /**
     * The document's features, by feature name ({@code column#term}), the document feature first and then the
     * terms in vocabulary order; unknown terms are left out. Null or blank text is a document without words.
     */
    public Map<String, Double> features(String text) {
        TextSettings settings = vocabulary.settings();
        int[] counts = new int[vocabulary.terms().size()];
        for (String term : terms(text, settings)) {
            Integer i = index.get(term);
            if (i != null) {
                counts[i]++;
            }
        }
        double[] weights = new double[counts.length];
        double squares = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                weights[i] = weight(settings, counts[i], i);
                squares += weights[i] * weights[i];
            }
        }
        double scale = settings.norm().equals(TextSettings.L2) && squares > 0 ? 1.0 / Math.sqrt(squares) : 1.0;
        Map<String, Double> features = new LinkedHashMap<>();
        String prefix = vocabulary.column() + SEPARATOR;
        features.put(prefix + DOCUMENT, 1.0);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                features.put(prefix + vocabulary.terms().get(i), weights[i] * scale);
            }
        }
        return features;
    }

    private double weight(TextSettings settings, int count, int term) {
        return switch (settings.weighting()) {
            case TextSettings.TFIDF -> count * vocabulary.idf().get(term);
            case TextSettings.TF -> count;
            default -> 1.0;
        };
    }

    /** The document's terms with repeats: its n-grams, or their hash buckets written {@code [17]}. */
    static List<String> terms(String text, TextSettings settings) {
        List<String> grams = Tokenizer.ngrams(Tokenizer.words(text, settings.lowercase()), settings.ngramMin(),
                settings.ngramMax());
        if (!settings.hashing()) {
            return grams;
        }
        List<String> buckets = new ArrayList<>(grams.size());
        for (String gram : grams) {
            buckets.add("[" + Integer.remainderUnsigned(fnv1a(gram), settings.hashBuckets()) + "]");
        }
        return buckets;
    }

    /** 32-bit FNV-1a over the UTF-8 bytes: fully specified, so every JVM and version hashes alike. */
    static int fnv1a(String text) {
        int hash = 0x811C9DC5;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x01000193;
        }
        return hash;
    }

    /** The names of the features this vectorizer can produce, for collision checks. */
    public Set<String> featureNames() {
        Set<String> names = new HashSet<>();
        names.add(vocabulary.column() + SEPARATOR + DOCUMENT);
        vocabulary.terms().forEach(t -> names.add(vocabulary.column() + SEPARATOR + t));
        return names;
    }
}
