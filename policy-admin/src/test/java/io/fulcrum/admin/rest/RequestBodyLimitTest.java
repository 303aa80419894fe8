package io.fulcrum.admin.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class RequestBodyLimitTest {

  @Test
  void aBodyOfExactlyTheLimit_readsWhole() throws Exception {
    InputStream in = new RequestBodyLimit.Limited(new ByteArrayInputStream(new byte[100]), 100);
    assertThat(in.readAllBytes()).hasSize(100);
  }

  @Test
  void oneByteMore_isRefused_andTheRestIsDroppedUnkept() {
    InputStream in = new RequestBodyLimit.Limited(new ByteArrayInputStream(new byte[10_000]), 100);
    assertThatThrownBy(in::readAllBytes)
        .isInstanceOfSatisfying(
            BodyTooLarge.class,
            e -> {
              assertThat(e.getMessage()).contains("limit of 100 bytes");
              assertThat(e.drained()).isTrue();
            });
  }

  @Test
  void aBodyBeyondWhatIsDrained_isLeftUnread_soTheConnectionIsClosed() {
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 0;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            return len;
          }
        };
    assertThat(RequestBodyLimit.drained(endless)).isFalse();
  }

  @Test
  void singleByteReads_areCountedToo() {
    InputStream in = new RequestBodyLimit.Limited(new ByteArrayInputStream(new byte[5]), 3);
    assertThatThrownBy(
            () -> {
              while (in.read() >= 0) {
                // drain
              }
            })
        .isInstanceOf(BodyTooLarge.class);
  }

  @Test
  void methodsWithoutAnAnnotation_getTheDefault_andAnnotatedOnesTheirOwn() throws Exception {
    assertThat(RequestBodyLimit.limitOf(null)).isEqualTo(BodyLimit.DEFAULT_BYTES);
    assertThat(
            RequestBodyLimit.limitOf(DecisionResource.class.getMethod("batch", BatchRequest.class)))
        .isEqualTo(BodyLimit.BATCH_BYTES);
    assertThat(
            RequestBodyLimit.limitOf(
                DecisionResource.class.getMethod(
                    "decide", String.class, String.class, String.class)))
        .isEqualTo(1024 * 1024);
  }

  private static final class CountingStream extends ByteArrayInputStream {
    int served;

    CountingStream(byte[] bytes) {
      super(bytes);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      int n = super.read(b, off, len);
      served += Math.max(n, 0);
      return n;
    }
  }
}
