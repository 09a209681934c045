package dev.vigil.scanner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StartTlsTest {

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          smtp       | SMTP
          SMTP       | SMTP
          ' Imap '   | IMAP
          pop3       | POP3
          Ftp        | FTP
          ldap       | LDAP
          postgres   | POSTGRES
          none       | NONE
          smtps      |
          ''         |
          postgresql |
          """)
  void namesAreReadInAnyCase(String name, StartTls expected) {
    assertThat(StartTls.parse(name)).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void absentNameMeansDirectTls() {
    assertThat(StartTls.parse(null)).contains(StartTls.NONE);
  }

  @Test
  void targetWithoutConnectionOptionsIsDirectTlsOnItsFirstAddress() {
    TargetSpec spec = new TargetSpec("example.com", 443, null, Map.of());

    assertThat(spec.starttls()).isEqualTo(StartTls.NONE);
    assertThat(spec.allAddresses()).isFalse();
    assertThat(new TargetSpec("example.com", 25, null, null, null, true).starttls())
        .isEqualTo(StartTls.NONE);
  }
}
