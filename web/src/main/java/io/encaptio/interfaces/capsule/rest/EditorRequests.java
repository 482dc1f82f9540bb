package io.encaptio.interfaces.capsule.rest;

import io.encaptio.interfaces.security.CurrentCaller;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;

/** The checks every capsule endpoint that changes something makes before it calls a service. */
final class EditorRequests {

  private EditorRequests() {}

  static void requireEditor(CurrentCaller caller) {
    if (!caller.identity().canEditCapsules()) {
      throw new ForbiddenException(
          "Only owners and editors of the organization change capsules; ask an owner for the"
              + " editor role.");
    }
  }

  static <T> T body(T request) {
    if (request == null) {
      throw new BadRequestException("Send a JSON body.");
    }
    return request;
  }
}
