package dev.vigil.scanner.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/targets}. Unknown fields are rejected (quarkus.jackson
 * fail-on-unknown-properties), so a typo never silently drops a setting.
 */
public record RegisterTargetRequest(
    @NotBlank String host, @NotNull Integer port, String serverName, Map<String, String> labels) {}
