package io.encaptio.interfaces.portal.web;

import io.encaptio.interfaces.security.Access;
import io.encaptio.interfaces.security.CallerIdentity;
import io.encaptio.interfaces.security.CurrentCaller;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.context.TenantContext;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The portal's landing page: who is signed in, for which organization, with what role. */
@Named
@ViewScoped
public class DashboardView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient CurrentCaller caller;
  @Inject transient Access access;

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

  /**
   * What the person may do here, in words: the product's roles only, never the identity provider's
   * internal ones (offline_access, uma_authorization, default-roles-…).
   */
  public String getRole() {
    return access.getRoleDescription();
  }
}
