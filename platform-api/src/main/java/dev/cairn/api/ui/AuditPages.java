package dev.cairn.api.ui;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.api.Roles;
import dev.cairn.api.audit.AuditResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;

/** The audit log, for SREs and admins: who changed what, newest first, and a check of the whole hash chain. */
@Path("/ui/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPages {
    static final int PAGE_SIZE = 50;
    private final Page page;
    private final AgroalDataSource db;
    private final AuditResource api;
    private final ObjectMapper json;
    private final Engine templates;

    AuditPages(Page page, AgroalDataSource db, AuditResource api, ObjectMapper json, Engine templates) {
        this.page = page;
        this.db = db;
        this.api = api;
        this.json = json;
        this.templates = templates;
    }

    public record Entry(long seq, Instant at, String actor, String action, String target, String before, String after,
            String hash) {
        public String shortHash() {
            return hash.substring(0, 12);
        }
    }

    @GET
    @RolesAllowed({ Roles.SRE, Roles.ADMIN })
    public TemplateInstance list(@RestQuery String target, @RestQuery Long before) {
        var entries = entries(target == null || target.isBlank() ? null : target.trim(), before);
        Long older = entries.size() == PAGE_SIZE ? entries.getLast().seq() : null;
        return page.of(templates.getTemplate("audit.html"), "audit").data("entries", entries)
                .data("target", target == null ? "" : target).data("older", older);
    }

    /** The API's chain check, shown in place (htmx). */
    @GET
    @Path("/verify")
    @RolesAllowed({ Roles.SRE, Roles.ADMIN })
    public TemplateInstance verify() {
        Map<String, Object> report = json.convertValue(api.verify(null), new TypeReference<>() {
        });
        return templates.getTemplate("audit-verify.html").data("report", report);
    }

    /** Keyset pages on seq (the primary key): the hundredth page costs what the first does. */
    private List<Entry> entries(String target, Long before) {
        var sql = "select seq, at, actor, action, target, before::text, after::text, hash from audit_entry where seq < ?"
                + (target == null ? "" : " and (target = ? or target like ?)") + " order by seq desc limit ?";
        try (var connection = db.getConnection(); var statement = connection.prepareStatement(sql)) {
            int index = 1;
            statement.setLong(index++, before == null ? Long.MAX_VALUE : before);
            if (target != null) {
                statement.setString(index++, target);
                statement.setString(index++, target.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%");
            }
            statement.setInt(index, PAGE_SIZE);
            var entries = new ArrayList<Entry>();
            try (var r = statement.executeQuery()) {
                while (r.next()) {
                    entries.add(new Entry(r.getLong(1), r.getTimestamp(2).toInstant(), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7), r.getString(8)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit log", e);
        }
    }
}
