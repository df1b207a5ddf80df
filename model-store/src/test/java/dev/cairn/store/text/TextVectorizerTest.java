package dev.cairn.store.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed values on three documents: "The cat sat.", "The dog sat on the mat", "Cats!". With n = 3
 * documents, the smoothed idf is ln((1 + n) / (1 + df)) + 1: for df 2 (the, sat) ln(4/3) + 1 = 1.2876820724517808,
 * for df 1 (cat, dog, on, mat, cats) ln(2) + 1 = 1.6931471805599454.
 */
class TextVectorizerTest {
    private static final List<String> DOCUMENTS = List.of("The cat sat.", "The dog sat on the mat", "Cats!");
    private static final double IDF_2 = Math.log(4.0 / 3.0) + 1;
    private static final double IDF_1 = Math.log(2.0) + 1;

    private static TextSettings settings(int min, int max, String weighting, String norm, int minDf, int maxFeatures,
            int buckets) {
        return new TextSettings(min, max, weighting, norm, true, minDf, maxFeatures, buckets);
    }

    @Test
    void learnsTheVocabularyAndSmoothedIdf() {
        // When
        var vocabulary = TextVectorizer.fit("m", TextSettings.DEFAULT, DOCUMENTS).vocabulary();
        // Then
        assertThat(vocabulary.documents()).isEqualTo(3);
        assertThat(vocabulary.terms()).containsExactly("cat", "cats", "dog", "mat", "on", "sat", "the");
        assertThat(vocabulary.idf()).containsExactly(IDF_1, IDF_1, IDF_1, IDF_1, IDF_1, IDF_2, IDF_2);
        assertThat(IDF_2).isEqualTo(1.2876820724517808, within(1e-15));
    }

    @Test
    void weighsCountsByIdfAndScalesToUnitLength() {
        // Given
        var vectorizer = TextVectorizer.fit("m", TextSettings.DEFAULT, DOCUMENTS);
        // When
        var first = vectorizer.features("The cat sat.");
        var second = vectorizer.features("the DOG sat on the mat");
        // Then: "the cat sat" = (1.28768, 1.69315, 1.28768) / 2.486563...
        double norm1 = Math.sqrt(2 * IDF_2 * IDF_2 + IDF_1 * IDF_1);
        assertThat(first).containsOnlyKeys("m#", "m#cat", "m#sat", "m#the").containsEntry("m#", 1.0);
        assertThat(first.get("m#sat")).isEqualTo(IDF_2 / norm1, within(1e-15));
        assertThat(first.get("m#the")).isEqualTo(0.5178561161676974, within(1e-15));
        assertThat(first.get("m#cat")).isEqualTo(0.680918560398684, within(1e-15));
        // "the" twice: tf 2 → 2 × 1.28768 = 2.57536, the largest weight, 0.62663 after scaling
        assertThat(second.get("m#the")).isEqualTo(0.6266321377784119, within(1e-15));
        assertThat(second.get("m#dog")).isEqualTo(0.4119729784338903, within(1e-15));
        assertThat(second.get("m#sat")).isEqualTo(0.31331606888920593, within(1e-15));
    }

    @Test
    void leavesUnknownWordsOutButAlwaysGivesTheDocumentFeature() {
        // Given
        var vectorizer = TextVectorizer.fit("m", TextSettings.DEFAULT, DOCUMENTS);
        // When / Then
        assertThat(vectorizer.features("zebra cat")).containsExactly(Map.entry("m#", 1.0), Map.entry("m#cat", 1.0));
        assertThat(vectorizer.features("zebra")).containsExactly(Map.entry("m#", 1.0));
        assertThat(vectorizer.features(null)).containsExactly(Map.entry("m#", 1.0));
    }

    @Test
    void countsOrMarksTermsWithoutIdfAndWithoutScaling() {
        // Given
        var tf = TextVectorizer.fit("m", settings(1, 1, "tf", "none", 1, 0, 0), DOCUMENTS);
        var binary = TextVectorizer.fit("m", settings(1, 1, "binary", "none", 1, 0, 0), DOCUMENTS);
        // When
        var counted = tf.features("the cat saw the cat");
        var marked = binary.features("the cat saw the cat");
        // Then
        assertThat(tf.vocabulary().idf()).isNull();
        assertThat(counted).containsExactly(Map.entry("m#", 1.0), Map.entry("m#cat", 2.0), Map.entry("m#the", 2.0));
        assertThat(marked).containsExactly(Map.entry("m#", 1.0), Map.entry("m#cat", 1.0), Map.entry("m#the", 1.0));
    }

    @Test
    void tfScaledToUnitLength() {
        // Given: counts (cat 2, the 2) → each 2 / sqrt(8) = 0.7071...
        var tf = TextVectorizer.fit("m", settings(1, 1, "tf", "l2", 1, 0, 0), DOCUMENTS);
        // When
        var features = tf.features("the cat saw the cat");
        // Then
        assertThat(features.get("m#cat")).isEqualTo(Math.sqrt(0.5), within(1e-15));
        assertThat(features.get("m#the")).isEqualTo(Math.sqrt(0.5), within(1e-15));
    }

    @Test
    void limitsTheVocabularyByDocumentFrequencyThenBySize() {
        // When
        var minDf2 = TextVectorizer.fit("m", settings(1, 1, "tfidf", "l2", 2, 0, 0), DOCUMENTS).vocabulary();
        var top3 = TextVectorizer.fit("m", settings(1, 1, "tfidf", "l2", 1, 3, 0), DOCUMENTS).vocabulary();
        // Then: "the" and "sat" are in two documents; the third place is a tie at df 1, broken by term order
        assertThat(minDf2.terms()).containsExactly("sat", "the");
        assertThat(top3.terms()).containsExactly("cat", "sat", "the");
        assertThat(top3.idf()).containsExactly(IDF_1, IDF_2, IDF_2);
    }

    @Test
    void bigramsJoinNeighbouringWords() {
        // When
        var vocabulary = TextVectorizer.fit("m", settings(1, 2, "binary", "none", 1, 0, 0),
                List.of("The cat sat.")).vocabulary();
        // Then
        assertThat(vocabulary.terms()).containsExactly("cat", "cat sat", "sat", "the", "the cat");
    }

    @Test
    void hashesTermsIntoBucketsWithFnv1a() {
        // Given: FNV-1a("the") = 0xb40eb21c → bucket 0 of 4; "cat" 0x06745c07 and "sat" 0xd61c92d7 → bucket 3
        var hashed = TextVectorizer.fit("m", settings(1, 1, "tf", "none", 1, 0, 4), List.of("The cat sat."));
        // When
        var features = hashed.features("the cat sat");
        // Then
        assertThat(TextVectorizer.fnv1a("a")).isEqualTo(0xe40c292c); // the published FNV-1a test vector
        assertThat(hashed.vocabulary().terms()).containsExactly("[0]", "[3]");
        assertThat(features).containsExactly(Map.entry("m#", 1.0), Map.entry("m#[0]", 1.0), Map.entry("m#[3]", 2.0));
    }

    @Test
    void aStoredVocabularyGivesTheSameFeatures() {
        // Given
        var fitted = TextVectorizer.fit("m", settings(1, 2, "tfidf", "l2", 1, 0, 0), DOCUMENTS);
        // When
        var rebuilt = TextVectorizer.of(fitted.vocabulary());
        // Then
        assertThat(rebuilt.features("the dog sat on the mat")).isEqualTo(fitted.features("the dog sat on the mat"));
    }
}
