package dev.vigil.scanner.domain.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceIdsTest {

  @Test
  void fileIdIsStableAndShort() {
    String id = SourceIds.file("/etc/tls/server.pem", null);

    assertThat(id)
        .matches("file:[0-9a-f]{16}")
        .isEqualTo(SourceIds.file("/etc/tls/server.pem", null));
    assertThat(SourceIds.file("/etc/tls/other.pem", null)).isNotEqualTo(id);
  }

  @Test
  void everyKeystoreAliasAndExtraChainHasItsOwnId() {
    String first = SourceIds.file("/etc/tls/bundle.pem", null);

    assertThat(SourceIds.file("/etc/tls/bundle.pem", "chain-2")).isNotEqualTo(first);
    assertThat(SourceIds.file("/etc/tls/ks.p12", "web"))
        .isNotEqualTo(SourceIds.file("/etc/tls/ks.p12", "api"));
  }

  @Test
  void kubernetesIdsDifferByKindNamespaceNameAndChain() {
    String secret = SourceIds.kubernetes("Secret", "shop", "web-tls", 0);

    assertThat(secret).matches("k8s:[0-9a-f]{16}");
    assertThat(SourceIds.kubernetes("ConfigMap", "shop", "web-tls", 0)).isNotEqualTo(secret);
    assertThat(SourceIds.kubernetes("Secret", "other", "web-tls", 0)).isNotEqualTo(secret);
    assertThat(SourceIds.kubernetes("Secret", "shop", "web-tls", 1)).isNotEqualTo(secret);
    assertThat(SourceIds.kubernetes("Secret", "shop", "web-tls", 0)).isEqualTo(secret);
  }
}
