package io.articlepipeline.ops.schemas;

import java.util.List;

/**
 * The answer of {@code GET /api/ops/schemas}.
 *
 * @param registry the registry's base URL
 * @param globalCompatibility the registry-wide compatibility level
 * @param mode the registry mode (READWRITE ...), null when the registry has no /mode (Apicurio)
 * @param notes differences from Confluent's registry noticed while reading
 * @param subjects every subject with its versions
 */
public record SchemasView(String registry, String globalCompatibility, String mode,
    List<String> notes, List<Subject> subjects) {

  /**
   * One subject.
   *
   * @param subject subject name, e.g. articles.submitted-value
   * @param compatibility effective compatibility level
   * @param compatibilitySource "subject" when set on the subject, "global" when inherited
   * @param subjectLevel what {@code GET /config/{subject}} answered, null for 404
   * @param versions versions, oldest first
   */
  public record Subject(String subject, String compatibility, String compatibilitySource,
      String subjectLevel, List<Version> versions) {
  }

  /**
   * One version of a subject.
   *
   * @param version version number
   * @param id global schema id (the 4 bytes after the magic byte on the wire)
   * @param schemaType AVRO, JSON or PROTOBUF
   * @param schema the schema text
   */
  public record Version(int version, int id, String schemaType, String schema) {
  }
}
