package dev.vigil.alert;

import dev.vigil.alert.rules.CelExpressions;
import dev.vigil.alert.rules.FactSheets;
import dev.vigil.alert.rules.RuleCompiler;
import dev.vigil.alert.rules.RuleFile;
import dev.vigil.alert.rules.RuleInstance;
import dev.vigil.alert.rules.RuleSet;
import dev.vigil.events.CertificateScanned;
import dev.vigil.events.ChainHealthObserved;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The default packs, as plain objects, for tests that need a fingerprint in advance. */
public final class TestRules {

  public static final RuleCompiler COMPILER = new RuleCompiler(new CelExpressions());
  public static final RuleSet DEFAULTS =
      RuleSet.merge(List.of(pack("certificates.yaml"), pack("chains.yaml"), pack("apis.yaml")));

  private TestRules() {}

  public static RuleFile pack(String name) {
    try (InputStream in = TestRules.class.getResourceAsStream("/rules/" + name)) {
      return RuleFile.compile(
          COMPILER,
          "classpath:rules/" + name,
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String fingerprint(String rule, CertificateScanned scan) {
    return single(
        DEFAULTS.rule(rule).orElseThrow().evaluate(FactSheets.certificate(scan)).instances());
  }

  public static String fingerprint(String rule, ChainHealthObserved o) {
    return single(DEFAULTS.rule(rule).orElseThrow().evaluate(FactSheets.chain(o)).instances());
  }

  private static String single(List<RuleInstance> instances) {
    if (instances.size() != 1) {
      throw new AssertionError("expected one instance, got " + instances);
    }
    return instances.get(0).fingerprint();
  }
}
