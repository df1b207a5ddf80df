package dev.cairn.deploy.inference;

/** A request the model cannot answer, with a message fit for the caller (it names the row and column). */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
