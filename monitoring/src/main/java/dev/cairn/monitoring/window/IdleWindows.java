package dev.cairn.monitoring.window;

import dev.cairn.monitoring.ClosedWindows;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Closes time windows that stopped receiving events, so a deployment whose traffic stops still gets its report. */
@ApplicationScoped
class IdleWindows {

    private final Monitors monitors;
    private final ClosedWindows closed;
    private final WindowConfig config;
    private ScheduledExecutorService timer;

    IdleWindows(Monitors monitors, ClosedWindows closed, WindowConfig config) {
        this.monitors = monitors;
        this.closed = closed;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        if (config.kind() == WindowConfig.Kind.TIME) {
            long every = Math.max(1000, config.duration().toMillis() / 10);
            timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("cairn-idle-windows")
                    .daemon().factory());
            timer.scheduleWithFixedDelay(() -> monitors.closeIdle(System.currentTimeMillis()).forEach(closed::accept),
                    every, every, TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
