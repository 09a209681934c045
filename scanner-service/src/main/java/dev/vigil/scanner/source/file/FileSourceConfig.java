package dev.vigil.scanner.source.file;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Certificate files to watch, under {@code vigil.scanner.files}. */
@ConfigMapping(prefix = "vigil.scanner.files")
public interface FileSourceConfig {

  /**
   * Files and directories (searched recursively for .pem .crt .cer .der .p12 .pfx .jks) to read on
   * every scanner interval. None by default.
   */
  Optional<List<String>> paths();

  /**
   * Keystore passwords by path or glob: {@code "/etc/tls/*.p12"=env:P12_PASSWORD} or {@code
   * "*.jks"=file:/run/secrets/jks-password}. A pattern without {@code /} matches the file name.
   */
  Map<String, String> passwords();

  /** Labels carried into the scan events of every file (team, env, ...). */
  Map<String, String> labels();
}
