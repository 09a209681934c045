package dev.vigil.alert.domain.notify;

/** An invalid notification configuration; the message starts with the path of the bad field. */
public class NotifyConfigException extends IllegalArgumentException {

  private final String path;

  public NotifyConfigException(String path, String message) {
    super(path + ": " + message);
    this.path = path;
  }

  public String path() {
    return path;
  }
}
