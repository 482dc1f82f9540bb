package io.encaptio.domain.content;

import jakarta.ejb.ApplicationException;

/**
 * Content that cannot be indexed as it is, with what a person can do about it ("this PDF is
 * password-protected", "the file is empty"). Trying again does not help; the item is marked failed.
 */
@ApplicationException(rollback = true)
public class ContentRejectedException extends RuntimeException {

  public ContentRejectedException(String message) {
    super(message);
  }

  public ContentRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
