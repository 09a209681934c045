package dev.vigil.alert.domain.notify;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * While an alert matching {@code sourceMatchers} fires, alerts matching {@code targetMatchers}
 * whose {@code equal} labels have the same values (both absent counts as equal) are not notified.
 */
public record InhibitRule(
    List<LabelMatcher> sourceMatchers, List<LabelMatcher> targetMatchers, List<String> equal) {

  public InhibitRule {
    sourceMatchers = List.copyOf(sourceMatchers);
    targetMatchers = List.copyOf(targetMatchers);
    equal = List.copyOf(equal);
  }

  public boolean isSource(Map<String, String> labels) {
    return LabelSets.matchesAll(sourceMatchers, labels);
  }

  public boolean isTarget(Map<String, String> labels) {
    return LabelSets.matchesAll(targetMatchers, labels);
  }

  boolean sameEqualLabels(Map<String, String> source, Map<String, String> target) {
    for (String name : equal) {
      if (!Objects.equals(source.get(name), target.get(name))) {
        return false;
      }
    }
    return true;
  }
}
