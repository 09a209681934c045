package dev.vigil.scanner.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a bulk import: CSV with a header row (any of {@code
 * host,port,serverName,intervalSeconds,labels,starttls,allAddresses,warningDays,criticalDays,
 * lifetimePercent}, labels as {@code team=payments;env=prod}), YAML or JSON (a list of targets, or
 * {@code targets:} holding one). Errors name the row, e.g. {@code targets[3].port}.
 */
final class TargetImportParser {

  private static final Set<String> CSV_COLUMNS =
      Set.of(
          "host",
          "port",
          "serverName",
          "intervalSeconds",
          "labels",
          "starttls",
          "allAddresses",
          "warningDays",
          "criticalDays",
          "lifetimePercent");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final CsvMapper CSV = new CsvMapper();

  private TargetImportParser() {}

  static List<RegisterTargetRequest> parse(String mediaType, String body) {
    String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
    if (type.contains("csv")) {
      return csv(body);
    }
    if (type.contains("yaml")) {
      return tree(YAML, body);
    }
    if (type.contains("json")) {
      return tree(JSON, body);
    }
    throw new ProblemException(
        415,
        "Unsupported media type",
        "send text/csv, application/yaml or application/json",
        List.of());
  }

  private static List<RegisterTargetRequest> tree(ObjectMapper mapper, String body) {
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ProblemException(400, "Malformed import", e.getOriginalMessage(), List.of());
    }
    JsonNode list =
        root != null && root.isObject() && root.has("targets") ? root.get("targets") : root;
    if (list == null || !list.isArray()) {
      throw ProblemException.invalidField("targets", "expected a list of targets");
    }
    List<RegisterTargetRequest> rows = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      try {
        rows.add(mapper.treeToValue(list.get(i), RegisterTargetRequest.class));
      } catch (JsonMappingException e) {
        String field =
            e.getPath().stream()
                .map(
                    r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                .collect(Collectors.joining("."));
        throw invalid(i, field.isEmpty() ? "row" : field, e.getOriginalMessage());
      } catch (JsonProcessingException e) {
        throw invalid(i, "row", e.getOriginalMessage());
      }
    }
    return rows;
  }

  private static List<RegisterTargetRequest> csv(String body) {
    ObjectReader reader =
        CSV.readerFor(Map.class)
            .with(CsvSchema.emptySchema().withHeader().withColumnReordering(true));
    List<RegisterTargetRequest> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = reader.readValues(body)) {
      int i = 0;
      while (it.hasNext()) {
        Map<String, String> row = it.next();
        for (String column : row.keySet()) {
          if (!CSV_COLUMNS.contains(column)) {
            throw invalid(i, column, "unknown column; expected " + CSV_COLUMNS);
          }
        }
        rows.add(
            new RegisterTargetRequest(
                blankToNull(row.get("host")),
                number(i, "port", row.get("port")) == null
                    ? null
                    : number(i, "port", row.get("port")).intValue(),
                blankToNull(row.get("serverName")),
                labels(i, row.get("labels")),
                number(i, "intervalSeconds", row.get("intervalSeconds")),
                blankToNull(row.get("starttls")),
                bool(i, "allAddresses", row.get("allAddresses")),
                integer(i, "warningDays", row.get("warningDays")),
                integer(i, "criticalDays", row.get("criticalDays")),
                integer(i, "lifetimePercent", row.get("lifetimePercent"))));
        i++;
      }
    } catch (java.io.IOException e) {
      throw new ProblemException(400, "Malformed import", e.getMessage(), List.of());
    }
    return rows;
  }

  private static Long number(int row, String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw invalid(row, field, "not a whole number: " + value);
    }
  }

  private static Integer integer(int row, String field, String value) {
    Long n = number(row, field, value);
    if (n != null && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE)) {
      throw invalid(row, field, "out of range: " + value);
    }
    return n == null ? null : n.intValue();
  }

  private static Boolean bool(int row, String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw invalid(row, field, "expected true or false, got " + value);
    };
  }

  private static Map<String, String> labels(int row, String value) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (value == null || value.isBlank()) {
      return labels;
    }
    for (String pair : value.split(";")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw invalid(row, "labels", "expected name=value pairs separated by ';'");
      }
      labels.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return labels;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static ProblemException invalid(int row, String field, String message) {
    String path = "targets[" + row + "]." + field;
    return new ProblemException(
        400,
        "Invalid import",
        path + ": " + message,
        List.of(new Problem.FieldError(path, message)));
  }
}
