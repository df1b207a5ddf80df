package dev.cairn.deploy.inference;

/** Which API a prediction came through: a metric tag and a field of the published prediction. */
public enum Endpoint {
    PREDICT("predict"), INFER("infer");

    private final String tag;

    Endpoint(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
