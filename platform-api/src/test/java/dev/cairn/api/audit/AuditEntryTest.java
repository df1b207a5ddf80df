package dev.cairn.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chain in the real database: jsonb round trips, locking, transactions and the append-only trigger. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class AuditEntryTest {

    static String uniqueTarget() {
        return "test:" + UUID.randomUUID();
    }

    static AuditEntry append(String target, Object before, Object after) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.append("ana", "test.done", target, before, after));
    }

    static AuditEntry reread(long seq) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry> findById(seq));
    }

    @Test
    void anEntryReadBackFromJsonbStillVerifies() {
        // Given: keys jsonb orders differently (shorter first), numbers in several forms, text beyond ASCII
        var before = new LinkedHashMap<String, Object>();
        before.put("aaa", List.of(1.50, 1.0E-7, new BigDecimal("0.1000000000000000055511151231257827")));
        before.put("b", Map.of("zz", Long.MAX_VALUE, "y", "é ✓ \"quoted\""));
        var written = append(uniqueTarget(), before, Map.of("version", 2, "empty", Map.of()));
        // When
        var read = reread(written.seq);
        // Then
        assertThat(read.before).isNotEqualTo(written.before); // jsonb did reorder and reformat it
        assertThat(read.link().hash()).isEqualTo(read.hash).isEqualTo(written.hash);
        assertThat(read.at).isEqualTo(written.at);
    }

    @Test
    void eachEntryFollowsTheOneBefore() {
        // When: two entries in one transaction, so nothing else can come between them
        var entries = QuarkusTransaction.requiringNew().call(() -> List.of(
                AuditEntry.append("ana", "test.done", uniqueTarget(), null, 1),
                AuditEntry.append("ana", "test.done", uniqueTarget(), 1, null)));
        // Then
        assertThat(entries.get(1).seq).isEqualTo(entries.get(0).seq + 1);
        assertThat(entries.get(1).prevHash).isEqualTo(entries.get(0).hash);
    }

    @Test
    void aRolledBackChangeLeavesNoEntry() {
        // Given
        var target = uniqueTarget();
        // When
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            AuditEntry.append("ana", "test.done", target, null, 1);
            throw new IllegalStateException("the change fails after it was recorded");
        })).hasMessageContaining("the change fails");
        // Then
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("target", target))).isZero();
    }

    @Test
    void refusesAnAppendOutsideATransaction() {
        // When
        var thrown = assertThatThrownBy(() -> AuditEntry.append("ana", "test.done", uniqueTarget(), null, 1));
        // Then
        thrown.isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
    }

    @Test
    void concurrentAppendsNeitherForkNorLoseEntries() throws Exception {
        // Given
        var target = uniqueTarget();
        Callable<Void> tenAppends = () -> {
            for (int i = 0; i < 10; i++) {
                append(target, null, i);
            }
            return null;
        };
        var pool = Executors.newFixedThreadPool(3);
        // When
        List<Future<Void>> done;
        try {
            done = pool.invokeAll(List.of(tenAppends, tenAppends, tenAppends));
        } finally {
            pool.shutdown();
        }
        // Then
        for (var f : done) {
            f.get();
        }
        List<AuditEntry> ours = QuarkusTransaction.requiringNew().call(() -> AuditEntry.list("target", target));
        assertThat(ours).hasSize(30).extracting(e -> e.seq).doesNotHaveDuplicates();
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEntry.verifyChain(7, null)).valid()).isTrue();
    }

    @Test
    void verifiesInBatchesWithTheSameOutcomeAsAtOnce() {
        // Given
        IntStream.range(0, 5).forEach(i -> append(uniqueTarget(), null, i));
        // When
        var inBatches = QuarkusTransaction.requiringNew().call(() -> AuditEntry.verifyChain(2, null));
        // Then
        var atOnce = QuarkusTransaction.requiringNew().call(() -> AuditEntry.verifyChain(1_000_000, null));
        assertThat(inBatches).isEqualTo(atOnce);
        assertThat(inBatches.valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "update audit_entry set actor = 'mallory' where seq = ?",
            "update audit_entry set after = '{\"version\": 1}' where seq = ?",
            "delete from audit_entry where seq = ?", "truncate audit_entry" })
    void theDatabaseRefusesToChangeOrRemoveEntries(String sql) throws SQLException {
        // Given
        var entry = append(uniqueTarget(), null, Map.of("version", 2));
        var refused = new ArrayList<SQLException>();
        // When
        try (var db = Database.connect()) {
            db.setAutoCommit(false);
            try (var statement = db.prepareStatement(sql)) {
                if (sql.contains("?")) {
                    statement.setLong(1, entry.seq);
                }
                statement.executeUpdate();
            } catch (SQLException e) {
                refused.add(e);
            } finally {
                db.rollback(); // even if the trigger let it through, nothing changes for the other tests
            }
        }
        // Then
        assertThat(refused).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("append-only"));
        assertThat(reread(entry.seq).hash).isEqualTo(entry.hash);
    }
}
