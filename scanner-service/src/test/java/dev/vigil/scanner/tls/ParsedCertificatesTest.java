package dev.vigil.scanner.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.infra.tls.TestPki;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ParsedCertificatesTest {

  private static final byte[] ONE = TestPki.certificate("one.test").selfSigned().der();
  private static final byte[] TWO = TestPki.certificate("two.test").selfSigned().der();

  @Test
  void theSameBytesAreParsedOnce() {
    ParsedCertificates cache = new ParsedCertificates(10);
    assertThat(cache.parse(ONE)).isSameAs(cache.parse(ONE.clone()));
    assertThat(cache.parse(TWO)).isNotSameAs(cache.parse(ONE));
  }

  @Test
  void changingTheCallersArrayLaterDoesNotChangeWhatIsRemembered() {
    ParsedCertificates cache = new ParsedCertificates(10);
    byte[] mine = ONE.clone();
    ParsedCertificate first = cache.parse(mine);
    Arrays.fill(mine, (byte) 0);

    assertThat(cache.parse(ONE.clone())).isSameAs(first);
  }

  @Test
  void sizeZeroRemembersNothing() {
    ParsedCertificates none = new ParsedCertificates(0);
    assertThat(none.parse(ONE)).isNotSameAs(none.parse(ONE));
  }

  @Test
  void aFullCacheStartsOver() {
    ParsedCertificates cache = new ParsedCertificates(1);
    ParsedCertificate first = cache.parse(ONE);
    cache.parse(TWO);
    assertThat(cache.parse(ONE)).isNotSameAs(first);
  }
}
