package dev.vigil.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;

/** {@code vigil.alert.*}: how alerts are judged and grouped. */
@ConfigMapping(prefix = "vigil.alert")
public interface AlertConfig {

  /** Thresholds of the {@code CertificateExpiring} rule. */
  Certificate certificate();

  /**
   * Labels whose values form the group key; incidents are opened per group. Default: one group per
   * target.
   */
  @WithDefault("target_id")
  @NotNull
  List<String> groupBy();

  interface Certificate {

    /** Fewer days left than this: warning. Must be greater than {@code critical-days}. */
    @WithDefault("28")
    @Positive
    int warningDays();

    /** Fewer days left than this: critical. */
    @WithDefault("14")
    @Positive
    int criticalDays();
  }
}
