package dev.cairn.store.text;

import java.util.List;

/**
 * A fitted text featuriser as stored with a model: the settings, and the terms it knows (n-grams, or bucket numbers
 * when hashing) with their inverse document frequencies. Plain JSON data, never Java serialization.
 *
 * @param column the raw text column it reads
 * @param documents training documents it was fitted on
 * @param terms known terms, sorted; a feature's name is {@code column#term}
 * @param idf per term, {@code ln((1 + documents) / (1 + df)) + 1}; null unless the weighting is tfidf
 */
public record TextVocabulary(String column, TextSettings settings, int documents, List<String> terms,
        List<Double> idf) {
}
