package io.articlepipeline.index.indexing;

/** An article that cannot become a document (no id, a negative revision, ...). */
public class MalformedArticleException extends RuntimeException {

  public MalformedArticleException(String message) {
    super(message);
  }
}
