package dev.vigil.scanner.rest;

import dev.vigil.platform.problem.ProblemException;
import dev.vigil.scanner.domain.ExpiryOverride;
import dev.vigil.scanner.domain.StartTls;
import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.service.TargetService.Definition;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/targets} and {@code PUT /api/v1/targets/{id}}, and one row of an
 * import. Unknown fields are rejected (quarkus.jackson fail-on-unknown-properties), so a typo never
 * silently drops a setting.
 *
 * @param starttls {@code NONE} (default), {@code SMTP}, {@code IMAP}, {@code POP3}, {@code FTP},
 *     {@code LDAP} or {@code POSTGRES}, in any case; a string so that a bad value is reported
 *     against this field
 * @param allAddresses scan every address the host resolves to (default false)
 * @param warningDays this target's EXPIRING_SOON warning threshold in days (0 to 3650); absent: the
 *     first matching label rule's, else {@code vigil.scanner.warning-days}
 * @param criticalDays this target's critical threshold in days, not more than {@code warningDays}
 * @param lifetimePercent warn once this share (1 to 100) of a certificate's lifetime has passed
 */
public record RegisterTargetRequest(
    @NotBlank String host,
    @NotNull Integer port,
    String serverName,
    Map<String, String> labels,
    Long intervalSeconds,
    String starttls,
    Boolean allAddresses,
    Integer warningDays,
    Integer criticalDays,
    Integer lifetimePercent) {

  /**
   * @param field how errors name this request's fields, e.g. {@code targets[3].} in an import
   */
  Definition toDefinition(String field) {
    StartTls upgrade =
        StartTls.parse(starttls)
            .orElseThrow(
                () ->
                    ProblemException.invalidField(
                        field + "starttls", "must be one of " + StartTls.names()));
    return new Definition(
        new TargetSpec(
            host,
            port,
            serverName,
            labels,
            upgrade,
            Boolean.TRUE.equals(allAddresses),
            new ExpiryOverride(warningDays, criticalDays, lifetimePercent)),
        intervalSeconds);
  }
}
