package dev.vigil.incident.service;

import java.util.function.Function;

/**
 * Something derived from one {@link PublicPage.View} (a rendered page, a JSON document), kept until
 * the view is replaced. The public page is read hundreds of times a second while its content
 * changes at most once a second: deriving per request cost more CPU than everything else a request
 * does, so each view is rendered once.
 *
 * @param <T> what is derived
 */
public final class PerView<T> {

  private record Memo<T>(PublicPage.View view, T value) {}

  private final Function<PublicPage.View, T> derive;
  private volatile Memo<T> memo;

  public PerView(Function<PublicPage.View, T> derive) {
    this.derive = derive;
  }

  /** What {@code view} gives; derived again only when the view is not the last one seen. */
  public T of(PublicPage.View view) {
    Memo<T> m = memo;
    if (m != null && m.view() == view) {
      return m.value();
    }
    // Two requests may both derive a new view's value: harmless, both results are the same.
    T value = derive.apply(view);
    memo = new Memo<>(view, value);
    return value;
  }
}
