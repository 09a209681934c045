package dev.vigil.scanner.domain.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.scanner.domain.CertificateFacts;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChainSplitterTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  /** "name<issuer" = issued by issuer; "name!" = self-signed root. */
  private static CertificateFacts cert(String spec) {
    boolean root = spec.endsWith("!");
    String name = root ? spec.substring(0, spec.length() - 1) : spec.split("<")[0];
    String issuer = root ? name : spec.split("<")[1];
    return new CertificateFacts(
        "CN=" + name,
        "CN=" + issuer,
        "01",
        T,
        T.plusSeconds(86_400),
        name,
        name,
        "EC",
        256,
        "SHA256withECDSA",
        List.of(),
        root,
        root);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # name                                   | certificates in file order          | chains
          single certificate                       | leaf<ca                              | leaf
          fullchain: leaf, intermediate, root      | leaf<int int<root root!              | leaf,int,root
          CA bundle of unrelated roots             | r1! r2! r3!                          | r1 / r2 / r3
          two fullchains in one bundle             | a<ia ia<ra b<ib ib<rb                | a,ia / b,ib
          root first, then a leaf it issued        | root! leaf<root                      | root / leaf
          leaf after an unrelated intermediate     | int<root leaf<other                  | int / leaf
          same issuer twice (two leaves of one CA) | a<ca b<ca                            | a / b
          """)
  void bundleIsCutIntoChains(String name, String certificates, String expected) {
    List<CertificateFacts> file =
        Arrays.stream(certificates.split(" ")).map(ChainSplitterTest::cert).toList();

    String chains =
        ChainSplitter.split(file).stream()
            .map(
                chain ->
                    chain.stream()
                        .map(c -> c.subject().substring(3))
                        .collect(Collectors.joining(",")))
            .collect(Collectors.joining(" / "));

    assertThat(chains).isEqualTo(expected);
  }
}
