package dev.vigil.scanner.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/targets}. Unknown fields are rejected (quarkus.jackson
 * fail-on-unknown-properties), so a typo never silently drops a setting.
 *
 * @param starttls {@code NONE} (default), {@code SMTP}, {@code IMAP}, {@code POP3}, {@code FTP},
 *     {@code LDAP} or {@code POSTGRES}, in any case; a string so that a bad value is reported
 *     against this field
 * @param allAddresses scan every address the host resolves to (default false)
 */
public record RegisterTargetRequest(
    @NotBlank String host,
    @NotNull Integer port,
    String serverName,
    Map<String, String> labels,
    String starttls,
    Boolean allAddresses) {}
