package io.encaptio.interfaces.portal.web;

import io.encaptio.interfaces.security.CallerIdentity;
import io.encaptio.interfaces.security.CurrentCaller;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.context.TenantContext;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The portal's landing page: who is signed in and for which organization. */
@Named
@ViewScoped
public class DashboardView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient CurrentCaller caller;

  private CallerIdentity user;
  private TenantRef tenant;

  @PostConstruct
  void init() {
    user = caller.identity();
    tenant = TenantContext.find().orElse(null);
  }

  public CallerIdentity getUser() {
    return user;
  }

  public TenantRef getTenant() {
    return tenant;
  }

  public String getRoles() {
    return String.join(
        ", ", user.roles().stream().filter(r -> !r.startsWith("default-roles-")).sorted().toList());
  }
}
