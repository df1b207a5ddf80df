package dev.cairn.api.audit;

/**
 * The outcome of verifying the whole audit chain.
 *
 * @param entries how many entries verified, from seq 1 on: all of them when valid, those before the break otherwise
 * @param firstBrokenSeq the first entry that does not verify; null when valid
 * @param reason why it does not verify; null when valid
 * @param headHash the hash of the last entry that verified: record it somewhere else (a ticket, a CI log) to detect
 *     later that entries were removed from the end or the chain was rewritten, which the chain alone cannot show
 */
record ChainReport(boolean valid, long entries, Long firstBrokenSeq, String reason, String headHash) {
}
