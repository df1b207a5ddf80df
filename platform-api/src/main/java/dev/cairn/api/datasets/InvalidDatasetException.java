package dev.cairn.api.datasets;

/** An upload that cannot become a dataset version; the message says precisely why, with a line number when there is one. */
class InvalidDatasetException extends RuntimeException {
    private final String slug;

    InvalidDatasetException(String slug, String message) {
        super(message);
        this.slug = slug;
    }

    String slug() {
        return slug;
    }
}
