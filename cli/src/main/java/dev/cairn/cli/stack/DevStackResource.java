package dev.cairn.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points {@code @QuarkusTest}s at a real PostgreSQL and Kafka broker (a {@link DevStack}) instead of Dev Services,
 * which need Docker. Put the same annotation on every test class of a module so Quarkus starts it once:
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
 * class DatasetResourceTest { ... }
 * }</pre>
 *
 * All test classes that run in one Quarkus application share one stack and one artifact store, so the database and
 * the store never disagree. A {@code @TestProfile} starts another application in a new class loader, so it gets a
 * fresh stack: each stack stops when Quarkus stops its application, while the classes it runs on are still loaded
 * (a shutdown hook is the backstop if Quarkus never does).
 */
public class DevStackResource implements QuarkusTestResourceLifecycleManager {
    // Static: every start in this class loader gets the same servers; counted, so the last stop closes them.
    private static DevStack stack;
    private static Path storeRoot;
    private static Thread stopAtExit;
    private static int users;

    @Override
    public Map<String, String> start() {
        return acquire();
    }

    @Override
    public void stop() {
        release();
    }

    private static synchronized Map<String, String> acquire() {
        if (stack == null) {
            storeRoot = freshStoreRoot();
            stack = DevStack.start();
            stopAtExit = new Thread(stack::close, "cairn-stack-stop");
            Runtime.getRuntime().addShutdownHook(stopAtExit);
            System.out.println("Cairn dev stack ready in " + stack.readyIn().toMillis() + " ms: " + stack);
        }
        users++;
        return Map.of(
                "quarkus.datasource.jdbc.url", stack.jdbcUrl(),
                "quarkus.datasource.username", stack.dbUser(),
                "quarkus.datasource.password", stack.dbPassword(),
                "kafka.bootstrap.servers", stack.kafkaBootstrap(),
                "cairn.store.root", storeRoot.toString());
    }

    private static synchronized void release() {
        if (stack == null || --users > 0) {
            return;
        }
        stack.close();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException jvmAlreadyExiting) {
            // the hook is running or has run; the stack is closed either way
        }
        stack = null;
        stopAtExit = null;
    }

    /** Under the module's {@code target/}, so {@code mvn clean} removes what the tests stored. */
    private static Path freshStoreRoot() {
        try {
            Path target = Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target"));
            return Files.createTempDirectory(target, "cairn-store-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the test artifact store under target/", e);
        }
    }
}
