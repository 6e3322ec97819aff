package io.articlepipeline.ingest.submit;

/** One problem with one field of a submission. */
public record FieldError(String field, String message) {
}
