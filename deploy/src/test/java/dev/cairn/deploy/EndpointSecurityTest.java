package dev.cairn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.deploy.baseline.BaselineResource;
import dev.cairn.deploy.oip.ModelResource;
import dev.cairn.deploy.oip.ServerResource;
import dev.cairn.deploy.predict.PredictResource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint says who may call it: the inference server's are deliberately open to whoever reaches the process
 * (the router or gateway in front decides that, see README), and a new endpoint must make the same decision
 * explicitly.
 */
class EndpointSecurityTest {

    private static final List<Class<?>> RESOURCES = List.of(PredictResource.class, ServerResource.class,
            ModelResource.class, BaselineResource.class);

    @Test
    void everyEndpointStatesItsAccess() {
        for (Class<?> resource : RESOURCES) {
            for (Method method : resource.getDeclaredMethods()) {
                boolean endpoint = Arrays.stream(method.getAnnotations())
                        .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
                if (endpoint) {
                    assertThat(stated(resource) || stated(method))
                            .as(resource.getSimpleName() + "." + method.getName()).isTrue();
                }
            }
        }
    }

    private static boolean stated(java.lang.reflect.AnnotatedElement element) {
        return element.isAnnotationPresent(PermitAll.class) || element.isAnnotationPresent(RolesAllowed.class);
    }
}
