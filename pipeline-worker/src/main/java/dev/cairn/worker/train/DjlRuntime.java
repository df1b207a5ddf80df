package dev.cairn.worker.train;

/**
 * How this worker runs DJL: the PyTorch engine, offline (the native library comes from the pytorch-native-cpu jar on
 * the class path, never from the network) and on one thread per operation. A property or environment variable set by
 * the operator wins. The first use unpacks about 432 MB of native libraries into {@code DJL_CACHE_DIR} (default
 * {@code ~/.djl.ai}); later starts reuse them.
 */
final class DjlRuntime {

    static final String ENGINE = "PyTorch";

    private DjlRuntime() {
    }

    /**
     * One thread, as for XGBoost: a worker is scaled by running more of them, and two threads on two busy cores
     * were slower than one.
     */
    static synchronized void configure() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** The PyTorch engine, configured; the first call loads (and on a fresh machine unpacks) the native library. */
    static ai.djl.engine.Engine engine() {
        configure();
        return ai.djl.engine.Engine.getEngine(ENGINE);
    }

    /** The versions a model's lineage records. */
    static String djlVersion() {
        return ai.djl.engine.Engine.getDjlVersion();
    }

    static String pytorchVersion() {
        return engine().getVersion();
    }
}
