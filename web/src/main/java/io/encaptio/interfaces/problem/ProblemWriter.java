package io.encaptio.interfaces.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes a problem from a servlet filter, before JAX-RS and its exception mappers run. */
public final class ProblemWriter {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private ProblemWriter() {}

  public static void write(
      HttpServletRequest req, HttpServletResponse resp, ProblemType type, String detail)
      throws IOException {
    Problem problem = Problem.of(type, detail, req.getRequestURI());
    resp.setStatus(problem.status());
    resp.setContentType(Problem.MEDIA_TYPE);
    resp.setCharacterEncoding("UTF-8");
    resp.getWriter().write(JSONB.toJson(problem));
  }

  /** Writes the problem a failure means (a refusal, or a logged incident) as the response. */
  public static void failure(HttpServletRequest req, HttpServletResponse resp, Throwable failure)
      throws IOException {
    Problem problem = UnexpectedExceptionMapper.problem(failure, req.getRequestURI());
    resp.setStatus(problem.status());
    resp.setContentType(Problem.MEDIA_TYPE);
    resp.setCharacterEncoding("UTF-8");
    resp.getWriter().write(JSONB.toJson(problem));
  }

  /** 401 with the bearer challenge, saying what token to send. */
  public static void unauthenticated(
      HttpServletRequest req, HttpServletResponse resp, String detail) throws IOException {
    resp.setHeader("WWW-Authenticate", "Bearer realm=\"encaptio\"");
    write(req, resp, ProblemType.UNAUTHENTICATED, detail);
  }
}
