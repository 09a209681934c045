package dev.vigil.scanner.domain.inventory;

/**
 * One place a certificate was seen.
 *
 * @param kind a {@code ScanTarget} kind: {@code TLS_ENDPOINT}, {@code FILE}, ...
 * @param targetId the target it was seen at
 * @param where for humans: {@code host:port}, a path, {@code namespace/name}
 * @param current whether the latest scan of that target still saw it there
 */
public record Sighting(String kind, String targetId, String where, boolean current) {}
