package dev.cairn.deploy.inference;

/** A prediction asked for before the model is loaded and warmed: the caller should retry elsewhere or later. */
public class ModelNotReadyException extends RuntimeException {

    public ModelNotReadyException(String model) {
        super("model " + model + " is still loading; retry shortly");
    }
}
