package dev.vigil.scanner.rest;

import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.service.TargetService.Definition;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/targets} and {@code PUT /api/v1/targets/{id}}, and one row of an
 * import. Unknown fields are rejected (quarkus.jackson fail-on-unknown-properties), so a typo never
 * silently drops a setting.
 */
public record RegisterTargetRequest(
    @NotBlank String host,
    @NotNull Integer port,
    String serverName,
    Map<String, String> labels,
    Long intervalSeconds) {

  Definition toDefinition() {
    return new Definition(new TargetSpec(host, port, serverName, labels), intervalSeconds);
  }
}
