package dev.cairn.api.audit;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Changes audit entries the way an attacker with database rights could: as a superuser, with triggers switched off
 * for this session only ({@code session_replication_role = replica}), so the other tests keep the trigger.
 */
final class Tampering {
    private Tampering() {
    }

    /** The stored {@code after} as jsonb prints it; null for SQL NULL. */
    static String after(long seq) throws SQLException {
        try (var db = Database.connect(); var query = db.prepareStatement("select after::text from audit_entry where seq = ?")) {
            query.setLong(1, seq);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    static void setAfter(long seq, String json) throws SQLException {
        try (var db = Database.connect()) {
            bypassTriggers(db);
            try (var update = db.prepareStatement("update audit_entry set after = ?::jsonb where seq = ?")) {
                update.setString(1, json);
                update.setLong(2, seq);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("No audit entry " + seq);
                }
            }
        }
    }

    private static void bypassTriggers(Connection db) throws SQLException {
        try (var statement = db.createStatement()) {
            statement.execute("set session_replication_role = replica");
        }
    }
}
