package io.articlepipeline.ops.schemas;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/ops/schemas}: registry subjects, versions, compatibility and schema text. */
@RestController
public class SchemasController {

  private final SchemaRegistryBrowser registry;

  public SchemasController(SchemaRegistryBrowser registry) {
    this.registry = registry;
  }

  @GetMapping("/api/ops/schemas")
  public SchemasView schemas() {
    return registry.read();
  }
}
