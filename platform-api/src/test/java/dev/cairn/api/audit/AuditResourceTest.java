package dev.cairn.api.audit;

import static dev.cairn.api.audit.AuditEntryTest.append;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "sam", roles = "sre")
class AuditResourceTest {

    @Test
    void listsATargetAndWhatIsUnderItNewestFirst() {
        // Given: "a_b" must not match "axb" (LIKE wildcards are escaped) nor "a_bc" (whole path segments only)
        var model = "model:a_b" + UUID.randomUUID().toString().substring(0, 8);
        var created = append(model + "/alias:staging", null, Map.of("version", 1));
        var moved = append(model + "/alias:staging", Map.of("version", 1), Map.of("version", 2));
        append(model.replace("a_b", "axb") + "/alias:staging", null, Map.of("version", 1));
        append(model + "c/alias:staging", null, Map.of("version", 1));
        // When
        var response = given().queryParam("target", model).get("/api/audit");
        // Then
        response.then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.seq", contains((int) moved.seq, (int) created.seq))
                .body("items[0].actor", equalTo("ana"))
                .body("items[0].action", equalTo("test.done"))
                .body("items[0].before.version", equalTo(1))
                .body("items[0].after.version", equalTo(2))
                .body("items[0].prevHash", equalTo(created.hash))
                .body("items[0].hash", equalTo(moved.hash))
                .body("items[1].before", nullValue());
    }

    @Test
    void listsEverythingNewestFirstWithoutFilters() {
        // Given
        append(AuditEntryTest.uniqueTarget(), null, 1);
        var newest = append(AuditEntryTest.uniqueTarget(), null, 2);
        // When
        var response = given().queryParam("size", 2).get("/api/audit");
        // Then: entries appended meanwhile by background work can only be newer
        int first = response.path("items[0].seq");
        response.then().statusCode(200)
                .body("size", equalTo(2))
                .body("total", greaterThanOrEqualTo(2))
                .body("items[0].seq", greaterThanOrEqualTo((int) newest.seq))
                .body("items[1].seq", lessThan(first));
    }

    @Test
    void filtersByAction() {
        // Given
        var target = AuditEntryTest.uniqueTarget();
        append(target, null, 1);
        var other = QuarkusTransaction.requiringNew().call(() -> AuditEntry.append("ana", "test.other", target, null, 2));
        // When
        var response = given().queryParam("target", target).queryParam("action", "test.other").get("/api/audit");
        // Then
        response.then().statusCode(200).body("total", equalTo(1)).body("items.seq", contains((int) other.seq));
    }

    @Test
    void verifiesAnIntactChain() {
        // Given
        var entry = append(AuditEntryTest.uniqueTarget(), null, 1);
        // When
        var response = given().get("/api/audit/verify");
        // Then
        response.then().statusCode(200)
                .body("valid", equalTo(true))
                .body("entries", greaterThanOrEqualTo((int) entry.seq))
                .body("firstBrokenSeq", nullValue())
                .body("reason", nullValue())
                .body("headHash", matchesPattern("[0-9a-f]{64}"));
    }

    @Test
    void detectsAnEntryChangedBehindTheTriggersBack() throws SQLException {
        // Given: someone with database rights switches triggers off for their session and edits an entry
        var entry = append(AuditEntryTest.uniqueTarget(), Map.of("version", 1), Map.of("version", 2));
        var original = Tampering.after(entry.seq);
        Tampering.setAfter(entry.seq, "{\"version\": 3}");
        try {
            // When
            var response = given().get("/api/audit/verify");
            // Then
            response.then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) entry.seq))
                    .body("entries", equalTo((int) entry.seq - 1))
                    .body("reason", equalTo("hash does not match the entry's content"));
        } finally {
            Tampering.setAfter(entry.seq, original); // the other tests share this chain
        }
        given().get("/api/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    void verifiesAgainstAnAnchorNotedEarlier() {
        // Given
        append(AuditEntryTest.uniqueTarget(), null, 1);
        var earlier = given().get("/api/audit/verify").then().extract();
        var anchor = earlier.path("entries") + ":" + earlier.path("headHash");
        append(AuditEntryTest.uniqueTarget(), null, 2);
        // When
        var response = given().queryParam("anchor", anchor).get("/api/audit/verify");
        // Then
        response.then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void reportsAChainThatNoLongerHoldsItsAnchor() {
        // Given
        var entry = append(AuditEntryTest.uniqueTarget(), null, 1);
        // When
        var response = given().queryParam("anchor", entry.seq + ":" + "0".repeat(64)).get("/api/audit/verify");
        // Then
        response.then().statusCode(200).body("valid", equalTo(false)).body("firstBrokenSeq", equalTo((int) entry.seq));
        given().queryParam("anchor", "12").get("/api/audit/verify").then().statusCode(422)
                .body("type", equalTo("/problems/invalid-anchor"));
    }

    @Test
    @TestSecurity(user = "ana", roles = { "data-scientist", "ci", "release-manager" })
    void isForSresAndAdminsOnly() {
        // When
        var list = given().get("/api/audit");
        // Then
        list.then().statusCode(403);
        given().get("/api/audit/verify").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void refusesAPageSizeOutOfRange() {
        // When
        var response = given().queryParam("size", 501).get("/api/audit");
        // Then
        response.then().statusCode(400).body("type", equalTo("/problems/validation-failed"));
    }
}
