package io.encaptio.domain.capsule;

import java.io.Serializable;
import java.util.List;

/** Who may use a capsule: what every public call of it is checked against. */
public record VisitorAccess(List<String> allowedOrigins, boolean requireSignedToken)
    implements Serializable {

  public VisitorAccess {
    allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
  }
}
