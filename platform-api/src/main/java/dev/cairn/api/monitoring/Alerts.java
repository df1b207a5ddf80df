package dev.cairn.api.monitoring;

import dev.cairn.contracts.AlertChanged;
import dev.cairn.contracts.WindowMeasured;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** What monitoring reports becomes state here: alert episodes, retraining decisions and the drift series. */
@ApplicationScoped
class Alerts {
    private final Retraining retraining;
    private final MonitoringConfig config;

    Alerts(Retraining retraining, MonitoringConfig config) {
        this.retraining = retraining;
        this.config = config;
    }

    /** One transaction: the alert, the retraining decision and the run it starts commit together or not at all. */
    @Transactional
    void on(AlertChanged record) {
        var fired = Alert.apply(record);
        if (fired != null) {
            retraining.onFiring(fired);
        }
    }

    @Transactional
    void on(WindowMeasured record) {
        MonitoringWindow.record(record, config.windowsKept());
    }
}
