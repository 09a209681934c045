package dev.vigil.scanner.tls.starttls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class LdapStartTlsTest {

  @Test
  void requestIsTheRfc4511ExtendedRequestForStartTls() {
    // LDAPMessage { messageID 1, [APPLICATION 23] { [0] "1.3.6.1.4.1.1466.20037" } }
    assertThat(HexFormat.of().formatHex(LdapStartTls.request()))
        .isEqualTo(
            "301d02010177188016" + HexFormat.of().formatHex("1.3.6.1.4.1.1466.20037".getBytes()));
  }
}
