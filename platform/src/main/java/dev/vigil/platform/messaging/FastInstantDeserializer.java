package dev.vigil.platform.messaging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads event timestamps through {@link IsoInstants} and hands everything else (other shapes,
 * numbers, nulls, errors) to the deserializer the mapper would have used, so results and error
 * messages stay that deserializer's. A property with its own format ({@code @JsonFormat}) is left
 * entirely to that deserializer.
 */
final class FastInstantDeserializer extends StdDeserializer<Instant>
    implements ContextualDeserializer {

  private final JsonDeserializer<?> delegate;
  private final boolean fast;

  FastInstantDeserializer(JsonDeserializer<?> delegate) {
    this(delegate, true);
  }

  private FastInstantDeserializer(JsonDeserializer<?> delegate, boolean fast) {
    super(Instant.class);
    this.delegate = delegate;
    this.fast = fast;
  }

  @Override
  public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
      throws JsonMappingException {
    JsonDeserializer<?> contextual =
        delegate instanceof ContextualDeserializer c
            ? c.createContextual(ctxt, property)
            : delegate;
    return new FastInstantDeserializer(contextual, fast && contextual == delegate);
  }

  @Override
  public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (fast && p.hasToken(JsonToken.VALUE_STRING)) {
      Instant parsed = IsoInstants.parseUtc(p.getText());
      if (parsed != null) {
        return parsed;
      }
    }
    return (Instant) delegate.deserialize(p, ctxt);
  }

  @Override
  public LogicalType logicalType() {
    return delegate.logicalType();
  }

  @Override
  public Instant getNullValue(DeserializationContext ctxt) throws JsonMappingException {
    return (Instant) delegate.getNullValue(ctxt);
  }

  @Override
  public Object getEmptyValue(DeserializationContext ctxt) throws JsonMappingException {
    return delegate.getEmptyValue(ctxt);
  }
}
