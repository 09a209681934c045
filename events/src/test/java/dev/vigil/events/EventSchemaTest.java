package dev.vigil.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract between the payload records and the JSON Schemas under {@code /schemas}: samples
 * serialised the way Quarkus serialises them must validate, and record and schema must not drift.
 */
class EventSchemaTest {

  /** Like Quarkus' default ObjectMapper for the parts that shape the output. */
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  /** Draft 2020-12 treats {@code format} as an annotation; Vigil wants it checked. */
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  private static final Pattern TYPE_NAME = Pattern.compile("dev\\.vigil\\.[a-z.]+\\.v[0-9]+");

  @ParameterizedTest
  @EnumSource(EventType.class)
  void everyEventTypeSerialisesToItsSchema(EventType type) {
    Record sample = SampleEvents.full(type);
    assertThat(sample).isInstanceOf(type.payload());

    assertThat(schemaOf(type).validate(toJson(sample))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void fullSampleLeavesNoFieldEmpty(EventType type) {
    assertThat(emptyFields(SampleEvents.full(type), type.payload().getSimpleName())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void minimalEventValidatesAndCarriesExactlyTheRequiredFields(EventType type) {
    JsonNode json = toJson(SampleEvents.minimal(type));

    assertThat(schemaOf(type).validate(json)).isEmpty();
    assertThat(fieldNames(json)).isEqualTo(textSet(schemaJson(type).get("required")));
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void schemaPropertiesAreExactlyTheRecordComponents(EventType type) {
    JsonNode root = schemaJson(type);
    List<String> drift = new ArrayList<>();
    compare(type.payload(), root, root, type.payload().getSimpleName(), drift);

    assertThat(drift).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void primitiveComponentsAreRequired(EventType type) {
    Set<String> required = textSet(schemaJson(type).get("required"));

    assertThat(type.payload().getRecordComponents())
        .filteredOn(c -> c.getType().isPrimitive())
        .extracting(RecordComponent::getName)
        .allSatisfy(name -> assertThat(required).contains(name));
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void schemaIsValidDraft202012WithItsOwnId(EventType type) {
    JsonNode schema = schemaJson(type);
    JsonSchema metaSchema =
        FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    assertThat(metaSchema.validate(schema)).isEmpty();
    assertThat(schema.path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.path("$id").asText())
        .isEqualTo("https://vigil.dev/schemas/" + type.type() + ".json");
    assertThat(schema.path("title").asText()).isEqualTo(type.payload().getSimpleName());
    assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void schemaRejectsAnUnknownProperty(EventType type) {
    ObjectNode json = (ObjectNode) toJson(SampleEvents.full(type));
    json.put("unexpectedField", "x");

    assertThat(schemaOf(type).validate(json))
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(message -> assertThat(message).contains("unexpectedField"));
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void schemaRejectsEachMissingRequiredField(EventType type) {
    JsonSchema schema = schemaOf(type);

    for (String field : textSet(schemaJson(type).get("required"))) {
      ObjectNode json = (ObjectNode) toJson(SampleEvents.full(type));
      json.remove(field);

      assertThat(schema.validate(json)).as("without %s", field).isNotEmpty();
    }
  }

  @Test
  void schemaRejectsAWrongEnumNameAndAMalformedTimestamp() {
    JsonSchema schema = schemaOf(EventType.ALERT_FIRED);
    ObjectNode badSeverity = (ObjectNode) toJson(SampleEvents.alertFired());
    badSeverity.put("severity", "PANIC");
    ObjectNode badTime = (ObjectNode) toJson(SampleEvents.alertFired());
    badTime.put("firedAt", "yesterday");

    assertThat(schema.validate(badSeverity)).isNotEmpty();
    assertThat(schema.validate(badTime)).isNotEmpty();
  }

  @Test
  void schemaRejectsAnUnknownPropertyInsideANestedRecord() {
    ObjectNode json = (ObjectNode) toJson(SampleEvents.certificateScanned());
    ((ObjectNode) json.get("chain").get(0)).put("unexpectedField", "x");

    assertThat(schemaOf(EventType.CERTIFICATE_SCANNED).validate(json)).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void everyEventSurvivesAJsonRoundTrip(EventType type) throws IOException {
    Record sample = SampleEvents.full(type);

    assertThat(MAPPER.readValue(MAPPER.writeValueAsBytes(sample), type.payload()))
        .isEqualTo(sample);
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void typeStringRoundTripsAndFollowsTheNamingRule(EventType type) {
    assertThat(type.type()).matches(TYPE_NAME);
    assertThat(EventType.of(type.type())).contains(type);
    assertThat(EventType.of(type.payload())).isEqualTo(type);
    assertThat(type.schemaResource()).isEqualTo("/schemas/" + type.type() + ".json");
  }

  @Test
  void unknownTypeStringIsNotAnEventType() {
    assertThat(EventType.of("dev.vigil.certificate.scanned.v0")).isEmpty();
  }

  private static JsonNode toJson(Record event) {
    return MAPPER.valueToTree(event);
  }

  private static JsonSchema schemaOf(EventType type) {
    try (InputStream in = resource(type)) {
      return FACTORY.getSchema(in, CONFIG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode schemaJson(EventType type) {
    try (InputStream in = resource(type)) {
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(EventType type) {
    InputStream in = EventType.class.getResourceAsStream(type.schemaResource());
    assertThat(in).as("schema %s on the classpath", type.schemaResource()).isNotNull();
    return in;
  }

  /**
   * Records every difference between a record and its (sub)schema: names, JSON types, enum
   * constants; recurses into nested records via their {@code $defs}.
   */
  private static void compare(
      Class<?> record, JsonNode schema, JsonNode root, String where, List<String> drift) {
    JsonNode properties = schema.path("properties");
    Set<String> components = new TreeSet<>();
    for (RecordComponent component : record.getRecordComponents()) {
      String name = component.getName();
      components.add(name);
      JsonNode property = properties.get(name);
      if (property == null) {
        drift.add(where + "." + name + ": record component missing from schema properties");
        continue;
      }
      if (!property.hasNonNull("description")) {
        drift.add(where + "." + name + ": no description");
      }
      compareType(component, property, root, where + "." + name, drift);
    }
    Set<String> extra = new TreeSet<>(fieldNames(properties));
    extra.removeAll(components);
    extra.forEach(name -> drift.add(where + "." + name + ": schema property not in the record"));
    Set<String> unknownRequired = new TreeSet<>(textSet(schema.get("required")));
    unknownRequired.removeAll(components);
    unknownRequired.forEach(name -> drift.add(where + "." + name + ": required but not a field"));
  }

  private static void compareType(
      RecordComponent component,
      JsonNode property,
      JsonNode root,
      String where,
      List<String> drift) {
    Class<?> type = component.getType();
    Type generic = component.getGenericType();
    if (type.isRecord()) {
      compare(type, deref(property, root), root, where, drift);
    } else if (Collection.class.isAssignableFrom(type)) {
      expectType(property, "array", where, drift);
      Class<?> element = typeArgument(generic, 0);
      JsonNode items = property.path("items");
      if (element.isRecord()) {
        compare(element, deref(items, root), root, where + "[]", drift);
      } else {
        expectType(items, jsonType(element), where + "[]", drift);
      }
    } else if (Map.class.isAssignableFrom(type)) {
      expectType(property, "object", where, drift);
      expectType(property.path("additionalProperties"), "string", where + "{}", drift);
    } else if (type.isEnum()) {
      Set<String> constants = new TreeSet<>();
      Arrays.stream(type.getEnumConstants()).forEach(c -> constants.add(((Enum<?>) c).name()));
      if (!textSet(property.get("enum")).equals(constants)) {
        drift.add(where + ": enum should be " + constants);
      }
    } else {
      expectType(property, jsonType(type), where, drift);
      if (type == Instant.class && !"date-time".equals(property.path("format").asText())) {
        drift.add(where + ": Instant without format date-time");
      }
    }
  }

  private static JsonNode deref(JsonNode property, JsonNode root) {
    String ref = property.path("$ref").asText();
    assertThat(ref).as("$ref of %s", property).startsWith("#/$defs/");
    return root.at(ref.substring(1));
  }

  private static void expectType(JsonNode property, String expected, String where, List<String> d) {
    String actual = property.path("type").asText();
    if (!expected.equals(actual)) {
      d.add(where + ": type " + actual + ", expected " + expected);
    }
  }

  private static String jsonType(Class<?> type) {
    if (type == String.class || type == Instant.class) {
      return "string";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "boolean";
    }
    if (type == double.class || type == Double.class || type == float.class) {
      return "number";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "integer";
    }
    throw new IllegalArgumentException("no JSON type known for " + type);
  }

  private static Class<?> typeArgument(Type generic, int index) {
    return (Class<?>) ((ParameterizedType) generic).getActualTypeArguments()[index];
  }

  /** Paths of fields that are null or empty collections, recursively. */
  private static List<String> emptyFields(Record record, String where) {
    List<String> empty = new ArrayList<>();
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      Object value;
      try {
        value = component.getAccessor().invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      String path = where + "." + component.getName();
      if (value == null
          || (value instanceof Collection<?> c && c.isEmpty())
          || (value instanceof Map<?, ?> m && m.isEmpty())) {
        empty.add(path);
      } else if (value instanceof Record nested) {
        empty.addAll(emptyFields(nested, path));
      } else if (value instanceof Collection<?> c) {
        c.stream()
            .filter(Record.class::isInstance)
            .forEach(e -> empty.addAll(emptyFields((Record) e, path + "[]")));
      }
    }
    return empty;
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> textSet(JsonNode array) {
    Set<String> values = new HashSet<>();
    if (array != null) {
      array.forEach(value -> values.add(value.asText()));
    }
    return new TreeSet<>(values);
  }
}
