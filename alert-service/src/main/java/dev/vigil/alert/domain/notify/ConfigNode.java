package dev.vigil.alert.domain.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A mapping of the configuration document with its path, for errors that say where. */
record ConfigNode(String path, Map<String, Object> values) {

  String at(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  boolean has(String key) {
    return values.get(key) != null;
  }

  void only(String... keys) {
    Set<String> allowed = Set.of(keys);
    for (String k : values.keySet()) {
      if (!allowed.contains(k)) {
        throw new NotifyConfigException(at(k), "unknown field");
      }
    }
  }

  @SuppressWarnings("unchecked")
  ConfigNode map(String key) {
    Object v = values.get(key);
    if (v == null) {
      return new ConfigNode(at(key), Map.of());
    }
    if (!(v instanceof Map<?, ?>)) {
      throw new NotifyConfigException(at(key), "expected a mapping");
    }
    return new ConfigNode(at(key), (Map<String, Object>) v);
  }

  @SuppressWarnings("unchecked")
  List<ConfigNode> list(String key) {
    Object v = values.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> items)) {
      throw new NotifyConfigException(at(key), "expected a list");
    }
    List<ConfigNode> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Map<?, ?> m)) {
        throw new NotifyConfigException(at(key) + "[" + i + "]", "expected a mapping");
      }
      out.add(new ConfigNode(at(key) + "[" + i + "]", (Map<String, Object>) m));
    }
    return out;
  }

  List<String> strings(String key) {
    Object v = values.get(key);
    if (v == null) {
      return new ArrayList<>();
    }
    if (!(v instanceof List<?> items) || items.stream().anyMatch(i -> !(i instanceof String))) {
      throw new NotifyConfigException(at(key), "expected a list of strings");
    }
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add((String) i));
    return out;
  }

  String string(String key, String fallback, boolean required) {
    Object v = values.get(key);
    if (v == null) {
      if (required && fallback == null) {
        throw new NotifyConfigException(at(key), "required");
      }
      return fallback;
    }
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      throw new NotifyConfigException(at(key), "expected a string");
    }
    return String.valueOf(v);
  }

  boolean bool(String key, boolean fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Boolean b)) {
      throw new NotifyConfigException(at(key), "expected true or false");
    }
    return b;
  }

  int integer(String key, int fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Number number)) {
      throw new NotifyConfigException(at(key), "expected a number");
    }
    return number.intValue();
  }

  Duration duration(String key, Duration fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Durations.parse(String.valueOf(v));
    } catch (IllegalArgumentException e) {
      throw new NotifyConfigException(at(key), e.getMessage());
    }
  }

  LabelMatcher matcher(String key, String name, LabelMatcher.Type type, Object value) {
    try {
      return LabelMatcher.of(name, type, String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw new NotifyConfigException(at(key), e.getMessage());
    }
  }
}
