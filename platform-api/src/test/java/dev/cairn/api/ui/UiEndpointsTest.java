package dev.cairn.api.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The UI's endpoints are not in the OpenAPI document (they serve HTML to browsers), so EndpointRolesTest does not see
 * them: this checks them instead. Each names its roles (the browser journeys check the roles work with real logins);
 * only the logged-out page is public.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class UiEndpointsTest {
    static final List<Class<?>> RESOURCES = List.of(DatasetPages.class, PipelinePages.class, PipelineRunEvents.class,
            RunPages.class, ModelPages.class, AuditPages.class, MonitoringPages.class, SessionPages.class,
            DeploymentPages.class);

    @Test
    void everyUiEndpointNamesItsRolesAndOnlyTheLoggedOutPageIsPublic() {
        // When
        var endpoints = RESOURCES.stream().flatMap(resource -> Arrays.stream(resource.getDeclaredMethods()))
                .filter(UiEndpointsTest::isEndpoint).toList();
        // Then
        assertThat(endpoints).hasSizeGreaterThan(15);
        assertThat(endpoints).filteredOn(m -> m.isAnnotationPresent(PermitAll.class)).extracting(Method::getName)
                .containsExactly("loggedOut");
        assertThat(endpoints).filteredOn(m -> !m.isAnnotationPresent(PermitAll.class)).allSatisfy(m -> assertThat(
                m.getAnnotation(RolesAllowed.class)).as(m.toString()).isNotNull()
                .satisfies(r -> assertThat(r.value()).isNotEmpty().isSubsetOf(Set.of("data-scientist", "ci", "sre",
                        "release-manager", "admin"))));
    }

    @Test
    void theOpenApiDocumentHasNoUiPaths() {
        // When
        var document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        // Then
        assertThat(document).contains("/api/datasets").doesNotContain("\"/ui");
    }

    @Test
    void aPageWithoutASessionIsNotServed() {
        // When
        var response = given().redirects().follow(false).get("/ui/datasets");
        // Then: the tests' OIDC tenant points at a closed port, so no login can start (302) and no page is shown
        assertThat(response.statusCode()).isNotEqualTo(200);
    }

    private static boolean isEndpoint(Method method) {
        return Stream.of(GET.class, POST.class).anyMatch(method::isAnnotationPresent);
    }
}
