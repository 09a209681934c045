package dev.vigil.scanner.chain.probe;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a cap and cancels the stream beyond it, so a huge or endless body
 * costs at most {@code cap} bytes of memory. The JDK's own handlers buffer everything first.
 */
final class CappedBodySubscriber implements BodySubscriber<byte[]> {

  /** Completes the body future exceptionally when the cap is exceeded. */
  static final class TooLarge extends RuntimeException {
    TooLarge(int cap) {
      super("response body larger than " + cap + " bytes", null, false, false);
    }
  }

  private final int cap;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;

  CappedBodySubscriber(int cap) {
    this.cap = cap;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      int n = item.remaining();
      if (buffer.size() + n > cap) {
        subscription.cancel(); // closes the connection: the rest of the body is never read
        result.completeExceptionally(new TooLarge(cap));
        return;
      }
      byte[] bytes = new byte[n];
      item.get(bytes);
      buffer.write(bytes, 0, n);
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(buffer.toByteArray());
  }

  /** Stops reading, e.g. when the probe's deadline passed while the body still trickles in. */
  void cancel() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }
}
