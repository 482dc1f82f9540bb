package io.encaptio.domain.ai;

/**
 * A chat model did not answer: timed out, rate limited (429), failed on its side (5xx), or refused
 * the call (a bad key, an unknown model). The pipeline moves on to the next model of the chain.
 */
public class ChatModelFailure extends RuntimeException {

  private final boolean transientFailure;

  public ChatModelFailure(String message, boolean transientFailure, Throwable cause) {
    super(message, cause);
    this.transientFailure = transientFailure;
  }

  /** Timeout, 429 or 5xx: the provider may answer later; otherwise the configuration is wrong. */
  public boolean transientFailure() {
    return transientFailure;
  }
}
