package dev.cairn.api.audit;

/**
 * Walks the chain in seq order and stops at the first entry that does not verify: its seq must follow the one
 * before (1 first), its {@code prev_hash} must be the hash of the one before ({@link ChainLink#GENESIS} first),
 * and its stored hash must be the hash of its content. With an {@link Anchor}, the anchored entry must still be
 * there with the anchored hash.
 */
final class ChainVerification {
    private final Anchor anchor;
    private long expectedSeq = 1;
    private String expectedPrevHash = ChainLink.GENESIS;
    private long verified;
    private Long brokenSeq;
    private String reason;

    /** @param anchor null for none */
    ChainVerification(Anchor anchor) {
        this.anchor = anchor;
    }

    /** @return whether to go on: false once the chain is broken */
    boolean check(ChainLink link, String storedHash) {
        if (brokenSeq != null) {
            return false;
        }
        reason = problemWith(link, storedHash);
        if (reason != null) {
            brokenSeq = link.seq();
            return false;
        }
        verified++;
        expectedSeq = link.seq() + 1;
        expectedPrevHash = storedHash;
        return true;
    }

    /** @return valid, how many entries verified (all when valid), where and why the chain breaks */
    ChainReport report() {
        if (brokenSeq == null && anchor != null && verified < anchor.seq()) {
            brokenSeq = verified + 1;
            reason = "entries from seq " + brokenSeq + " on are missing: the anchor is at seq " + anchor.seq();
        }
        return new ChainReport(brokenSeq == null, verified, brokenSeq, reason, verified == 0 ? null : expectedPrevHash);
    }

    private String problemWith(ChainLink link, String storedHash) {
        if (link.seq() != expectedSeq) {
            if (expectedSeq == 1) {
                return "the chain starts at seq " + link.seq() + ", not 1";
            }
            if (link.seq() < expectedSeq) {
                return "seq " + link.seq() + " comes after seq " + (expectedSeq - 1);
            }
            return link.seq() == expectedSeq + 1 ? "entry " + expectedSeq + " is missing"
                    : "entries " + expectedSeq + "-" + (link.seq() - 1) + " are missing";
        }
        if (!link.prevHash().equals(expectedPrevHash)) {
            return expectedSeq == 1 ? "prev_hash of the first entry is not the genesis hash"
                    : "prev_hash does not match the hash of entry " + (expectedSeq - 1);
        }
        if (!link.hash().equals(storedHash)) {
            return "hash does not match the entry's content";
        }
        if (anchor != null && anchor.seq() == link.seq() && !anchor.hash().equals(storedHash)) {
            return "hash is not the anchored one: the chain was rewritten at or before this entry";
        }
        return null;
    }
}
