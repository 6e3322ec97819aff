package io.articlepipeline.e2e.bench;

/** One benchmark article as submitted: the fields of the single JSON API the bench sends. */
record Article(String title, String body, String language) {
}
