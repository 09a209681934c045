package dev.vigil.alert.domain.breaker;

/** A breaker definition that cannot be used, with the path of the field at fault. */
public class BreakerSpecException extends RuntimeException {

  private final String field;

  public BreakerSpecException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** Path of the offending field, e.g. {@code breakers[1].min_open}. */
  public String field() {
    return field;
  }

  /** The message without the field. */
  public String problem() {
    String m = getMessage();
    return m.substring(field.length() + 2);
  }
}
