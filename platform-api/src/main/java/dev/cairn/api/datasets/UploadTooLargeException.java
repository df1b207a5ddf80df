package dev.cairn.api.datasets;

class UploadTooLargeException extends RuntimeException {
    UploadTooLargeException(long limit) {
        super("The upload exceeds the limit of " + limit + " bytes (cairn.datasets.max-upload-bytes)");
    }
}
