package dev.vigil.scanner.domain.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointMaskTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      textBlock =
          """
          key in the path           | https://mainnet.infura.io/v3/abc123        | https://mainnet.infura.io/***
          key in the query          | https://rpc.example.com/?apikey=abc123     | https://rpc.example.com/***
          user info                 | https://user:pw@rpc.example.com            | https://rpc.example.com/***
          bare host and port        | http://127.0.0.1:8545                      | http://127.0.0.1:8545/
          root path                 | https://rpc.example.com/                   | https://rpc.example.com/
          not a URL                 | ::abc123 not a url                         | ***
          no URL at all             | NULL                                       | NULL
          """)
  void onlySchemeHostAndPortAreShown(String name, String url, String shown) {
    assertThat(EndpointMask.mask(url)).isEqualTo(shown);
  }
}
