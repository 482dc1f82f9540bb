package io.encaptio.interfaces.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A JSON body that cannot be read is the caller's mistake: 400 saying where it breaks. */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<JsonbException> {

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(JsonbException exception) {
    String where =
        exception.getMessage() == null
            ? ""
            : " (" + exception.getMessage().replace("Internal error: ", "") + ")";
    return Problem.of(
            ProblemType.BAD_REQUEST,
            "The request body is not the JSON this endpoint expects" + where + ".",
            uriInfo.getRequestUri().getPath())
        .toResponse();
  }
}
