package io.encaptio.interfaces.rest;

import io.encaptio.interfaces.security.CurrentCaller;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;

/** The checks every endpoint that changes something makes before it calls a service. */
public final class EditorRequests {

  private EditorRequests() {}

  public static void requireEditor(CurrentCaller caller) {
    if (!caller.identity().canEditCapsules()) {
      throw new ForbiddenException(
          "Only owners and editors of the organization change capsules; ask an owner for the"
              + " editor role.");
    }
  }

  public static <T> T body(T request) {
    if (request == null) {
      throw new BadRequestException("Send a JSON body.");
    }
    return request;
  }
}
