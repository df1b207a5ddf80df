package dev.cairn.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainVerificationTest {

    /** A link and the hash stored next to it, as a row of audit_entry. */
    record Row(ChainLink link, String hash) {
    }

    private static List<Row> chain(int length) {
        var rows = new ArrayList<Row>();
        var prev = ChainLink.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            var link = new ChainLink(seq, Instant.parse("2026-05-04T09:00:00Z").plusSeconds(seq), "ana", "alias.moved",
                    "model:churn/alias:staging", CanonicalJson.tree(Map.of("version", seq)),
                    CanonicalJson.tree(Map.of("version", seq + 1)), prev);
            rows.add(new Row(link, link.hash()));
            prev = link.hash();
        }
        return rows;
    }

    private static ChainReport verify(List<Row> rows) {
        return verify(rows, null);
    }

    private static ChainReport verify(List<Row> rows, Anchor anchor) {
        var verification = new ChainVerification(anchor);
        for (var row : rows) {
            if (!verification.check(row.link(), row.hash())) {
                break;
            }
        }
        return verification.report();
    }

    private static ChainLink withAfter(ChainLink l, Object after) {
        return new ChainLink(l.seq(), l.at(), l.actor(), l.action(), l.target(), l.before(), CanonicalJson.tree(after),
                l.prevHash());
    }

    @Test
    void anIntactChainIsValidAndNamesItsHead() {
        // Given
        var rows = chain(4);
        // When
        var report = verify(rows);
        // Then
        assertThat(report).isEqualTo(new ChainReport(true, 4, null, null, rows.getLast().hash()));
    }

    @Test
    void anEmptyChainIsValid() {
        // When
        var report = verify(List.of());
        // Then
        assertThat(report).isEqualTo(new ChainReport(true, 0, null, null, null));
    }

    @Test
    void findsTheFirstEntryWhoseContentChanged() {
        // Given
        var rows = chain(5);
        rows.set(2, new Row(withAfter(rows.get(2).link(), Map.of("version", 99)), rows.get(2).hash()));
        rows.set(3, new Row(withAfter(rows.get(3).link(), Map.of("version", 98)), rows.get(3).hash()));
        // When
        var report = verify(rows);
        // Then
        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(3);
        assertThat(report.entries()).isEqualTo(2);
        assertThat(report.reason()).isEqualTo("hash does not match the entry's content");
        assertThat(report.headHash()).isEqualTo(rows.get(1).hash());
    }

    @Test
    void findsTheNextEntryWhenAChangedEntryGotAFreshHash() {
        // Given
        var rows = chain(5);
        var forged = withAfter(rows.get(2).link(), Map.of("version", 99));
        rows.set(2, new Row(forged, forged.hash()));
        // When
        var report = verify(rows);
        // Then
        assertThat(report.firstBrokenSeq()).isEqualTo(4);
        assertThat(report.reason()).isEqualTo("prev_hash does not match the hash of entry 3");
    }

    @Test
    void findsAnEntryMissingFromTheMiddle() {
        // Given
        var rows = chain(6);
        rows.remove(2);
        rows.remove(2);
        // When
        var report = verify(rows);
        // Then
        assertThat(report.firstBrokenSeq()).isEqualTo(5);
        assertThat(report.reason()).isEqualTo("entries 3-4 are missing");
    }

    @Test
    void findsAChainThatLostItsFirstEntry() {
        // Given
        var rows = chain(3);
        rows.removeFirst();
        // When
        var report = verify(rows);
        // Then
        assertThat(report.firstBrokenSeq()).isEqualTo(2);
        assertThat(report.entries()).isZero();
        assertThat(report.reason()).isEqualTo("the chain starts at seq 2, not 1");
    }

    @Test
    void aChainThatStillHoldsItsAnchorIsValid() {
        // Given
        var rows = chain(5);
        var anchor = new Anchor(3, rows.get(2).hash());
        // When
        var report = verify(rows, anchor);
        // Then
        assertThat(report.valid()).isTrue();
        assertThat(report.entries()).isEqualTo(5);
    }

    @Test
    void findsAChainRewrittenWithFreshHashesAgainstItsAnchor() {
        // Given: entry 2 changed and every hash from there on recomputed, so the chain alone looks intact
        var anchor = new Anchor(3, chain(4).get(2).hash());
        var rewritten = new ArrayList<Row>(chain(1));
        var prev = rewritten.getFirst().hash();
        for (int seq = 2; seq <= 4; seq++) {
            var link = new ChainLink(seq, Instant.parse("2026-05-04T09:00:00Z").plusSeconds(seq), "mallory",
                    "alias.moved", "model:churn/alias:staging", null, CanonicalJson.tree(Map.of("version", seq)), prev);
            rewritten.add(new Row(link, link.hash()));
            prev = link.hash();
        }
        // When
        var report = verify(rewritten, anchor);
        // Then
        assertThat(verify(rewritten).valid()).isTrue();
        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(3);
        assertThat(report.reason()).contains("anchored");
    }

    @Test
    void findsEntriesCutFromTheEndAgainstItsAnchor() {
        // Given
        var rows = chain(5);
        var anchor = new Anchor(5, rows.getLast().hash());
        rows.removeLast();
        rows.removeLast();
        // When
        var report = verify(rows, anchor);
        // Then
        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(4);
        assertThat(report.entries()).isEqualTo(3);
        assertThat(report.reason()).isEqualTo("entries from seq 4 on are missing: the anchor is at seq 5");
    }

    @Test
    void readsAnAnchorAsSeqColonHash() {
        // When
        var anchor = Anchor.parse("42:" + "0f".repeat(32));
        // Then
        assertThat(anchor).isEqualTo(new Anchor(42, "0f".repeat(32)));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "42", "0:aa", "x:y", "-1:aa" })
    void refusesAnythingElseAsAnAnchor(String text) {
        // When
        var thrown = org.assertj.core.api.Assertions.assertThatThrownBy(() -> Anchor.parse(text));
        // Then
        thrown.isInstanceOf(dev.cairn.api.problem.InvalidRequestException.class);
    }
}
