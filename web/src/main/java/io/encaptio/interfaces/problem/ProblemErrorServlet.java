package io.encaptio.interfaces.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Error page for the API: the container's own refusals (a missing or invalid bearer token is
 * rejected before JAX-RS runs) become problem+json too. Registered in web.xml for /api paths.
 */
@WebServlet(urlPatterns = "/problem")
public class ProblemErrorServlet extends HttpServlet {

  private static final Jsonb JSONB = JsonbBuilder.create();

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : resp.getStatus();
    String uri = (String) req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    ProblemType type = ProblemType.forStatus(status);
    String detail =
        status == 401
            ? "Send a valid, unexpired access token from the Encaptio identity provider"
                + " as 'Authorization: Bearer <token>'."
            : type.title();
    Problem problem =
        new Problem(Problem.TYPE_BASE + type.slug(), type.title(), status, detail, uri);
    resp.setStatus(status);
    resp.setContentType(Problem.MEDIA_TYPE);
    resp.setCharacterEncoding("UTF-8");
    resp.getWriter().write(JSONB.toJson(problem));
  }
}
