package dev.cairn.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One fact of the audit log: who ({@code actor}) did what ({@code action}, e.g. {@code alias.moved}) to what
 * ({@code target}, e.g. {@code model:churn-classifier/alias:production}) and when, with the state before and after
 * as JSON. Entries form a hash chain ({@link ChainLink}); the database refuses to update or delete them.
 *
 * <p>Java API: {@link #append} inside the transaction of the change it records (or the {@link Audit} bean, which
 * knows the caller); {@link #latest} to read a target's history.
 */
@Entity
@Table(name = "audit_entry")
@Immutable
public class AuditEntry extends PanacheEntityBase {
    /**
     * pg_advisory_xact_lock key that serialises appends (ASCII "cairnAud"). Held until commit, so entries commit
     * in seq order, a rolled-back append frees its seq for the next one, and seqs stay dense.
     */
    private static final long CHAIN_LOCK = 0x636169726e417564L;

    /** 1, 2, 3, ... in append order, without gaps. */
    @Id
    public long seq;
    public Instant at;
    /** The principal name; for a service account, the client id. */
    public String actor;
    public String action;
    public String target;
    /** JSON text as jsonb returns it (keys reordered, numbers normalised); null when there was nothing before. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String before;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String after;
    public String prevHash;
    public String hash;

    /**
     * Appends an entry after the current last one. Must run inside the transaction of the change it records, so a
     * rollback removes both; call it as late as possible in that transaction, because it holds the chain's lock
     * until the commit and every other audited change waits for it.
     *
     * @param before the state before, any value Jackson can write (a record, a map, a number); null if none
     * @param after the state after; null if none (a deletion)
     */
    public static AuditEntry append(String actor, String action, String target, Object before, Object after) {
        if (!QuarkusTransaction.isActive()) {
            throw new IllegalStateException("An audit entry must be appended in the transaction of the change it records");
        }
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, CHAIN_LOCK)
                .getSingleResult();
        var head = getEntityManager().createQuery("select e.seq, e.hash from AuditEntry e order by e.seq desc",
                Object[].class).setMaxResults(1).getResultStream().findFirst();
        long seq = head.map(h -> (Long) h[0] + 1).orElse(1L);
        String prevHash = head.map(h -> (String) h[1]).orElse(ChainLink.GENESIS);
        var link = new ChainLink(seq, Instant.now(), actor, action, target, CanonicalJson.tree(before),
                CanonicalJson.tree(after), prevHash);
        var entry = of(link);
        entry.persist();
        return entry;
    }

    /** The newest entry about {@code target} with one of these actions. */
    public static Optional<AuditEntry> latest(String target, Collection<String> actions) {
        return find("target = ?1 and action in ?2 order by seq desc", target, actions).firstResultOptional();
    }

    /** {@link #before} as a tree; null if none. */
    public JsonNode beforeJson() {
        return CanonicalJson.parse(before);
    }

    /** {@link #after} as a tree; null if none. */
    public JsonNode afterJson() {
        return CanonicalJson.parse(after);
    }

    ChainLink link() {
        return new ChainLink(seq, at, actor, action, target, beforeJson(), afterJson(), prevHash);
    }

    static AuditEntry of(ChainLink link) {
        var entry = new AuditEntry();
        entry.seq = link.seq();
        entry.at = link.at();
        entry.actor = link.actor();
        entry.action = link.action();
        entry.target = link.target();
        entry.before = link.before() == null ? null : CanonicalJson.write(link.before());
        entry.after = link.after() == null ? null : CanonicalJson.write(link.after());
        entry.prevHash = link.prevHash();
        entry.hash = link.hash();
        return entry;
    }

    /**
     * Newest first. {@code target} matches itself and everything under it ({@code model:churn} also finds
     * {@code model:churn/alias:production}); null filters nothing.
     */
    static PanacheQuery<AuditEntry> search(String target, String action) {
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        if (target != null) {
            where.add("(target = :target or target like :under escape '!')");
            params.put("target", target);
            params.put("under", target.replaceAll("[!%_]", "!$0") + "/%");
        }
        if (action != null) {
            where.add("action = :action");
            params.put("action", action);
        }
        return find((String.join(" and ", where) + " order by seq desc").strip(), params);
    }

    /**
     * Recomputes the chain from seq 1 in batches of {@code batchSize} (keyset, so memory stays bounded however
     * long the chain is) and stops at the first entry that does not verify.
     *
     * @param anchor an entry's hash noted earlier; null for none
     */
    static ChainReport verifyChain(int batchSize, Anchor anchor) {
        var verification = new ChainVerification(anchor);
        long last = 0;
        while (true) {
            List<AuditEntry> batch = find("seq > ?1 order by seq", last).page(0, batchSize).list();
            for (var entry : batch) {
                if (!verification.check(entry.link(), entry.hash)) {
                    return verification.report();
                }
            }
            if (batch.size() < batchSize) {
                return verification.report();
            }
            last = batch.getLast().seq;
            batch.forEach(getEntityManager()::detach);
        }
    }
}
