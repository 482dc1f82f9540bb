package io.encaptio.interfaces.ops.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** Tenant operations for platform operators' automation. */
@ApplicationPath("/api/ops/v1")
public class OpsApiApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        TenantOperationsResource.class,
        OpsProblemMapper.class,
        io.encaptio.interfaces.problem.WebApplicationExceptionMapper.class,
        io.encaptio.interfaces.problem.UnexpectedExceptionMapper.class);
  }
}
