package dev.vigil.scanner.tls.bctls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.scanner.tls.NotTlsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HandshakeInputTest {

  private static byte[] hex(String hex) {
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      textBlock =
          """
          handshake record,      160303002a, true
          alert record,          1503030002, true
          change cipher spec,    1403030001, true
          application data,      1703030010, true
          SSL 3.0 version byte,  1603000010, true
          HTTP,                  485454502f, false
          SSH banner,            5353482d32, false
          content type 25,       1903030010, false
          major version 2,       1602030010, false
          zero bytes,            0000000000, false
          """)
  void tellsATlsRecordHeaderFromOtherBytes(String name, String header, boolean tls)
      throws IOException {
    for (boolean byteWise : new boolean[] {false, true}) {
      InputStream in = new HandshakeInput(new ByteArrayInputStream(hex(header)));
      if (tls) {
        assertThat(readAll(in, byteWise)).isEqualTo(5);
      } else {
        assertThatThrownBy(() -> readAll(in, byteWise))
            .isInstanceOf(NotTlsException.class)
            .hasMessageContaining("not a TLS record");
      }
    }
  }

  @ParameterizedTest(name = "{0} bytes")
  @CsvSource({"1048576, false", "1048577, true"})
  void cutsOffAPeerThatSendsWithoutEnd(int length, boolean cut) throws IOException {
    byte[] bytes = new byte[length];
    bytes[0] = 0x16;
    bytes[1] = 0x03;
    InputStream in = new HandshakeInput(new ByteArrayInputStream(bytes));
    if (cut) {
      assertThatThrownBy(() -> readAll(in, false)).isInstanceOf(SSLHandshakeException.class);
    } else {
      assertThat(readAll(in, false)).isEqualTo(length);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      textBlock =
          """
          an OCSP response,         01000003aabbcc, aabbcc
          the wrong status type,    02000003aabbcc, ''
          a length too long,        01000004aabbcc, ''
          a length too short,       01000002aabbcc, ''
          no response at all,       01000000, ''
          """)
  void readsTheOcspResponseOfATls13StatusExtension(String name, String status, String response) {
    byte[] read = ScanClient.ocspResponse(hex(status));
    if (response.isEmpty()) {
      assertThat(read).isNull();
    } else {
      assertThat(read).isEqualTo(hex(response));
    }
  }

  private static int readAll(InputStream in, boolean byteWise) throws IOException {
    int total = 0;
    if (byteWise) {
      while (in.read() >= 0) {
        total++;
      }
      return total;
    }
    byte[] buffer = new byte[4096];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      total += n;
    }
    return total;
  }
}
