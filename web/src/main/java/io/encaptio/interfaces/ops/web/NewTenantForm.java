package io.encaptio.interfaces.ops.web;

import io.encaptio.tenancy.application.NewTenant;
import java.io.Serializable;

/** The fields of the create-tenant dialog. */
public class NewTenantForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String slug;
  private String name;
  private String plan = "starter";
  private String ownerEmail;
  private String ownerName;

  NewTenant toRequest() {
    return new NewTenant(
        trim(slug),
        trim(name),
        plan,
        trim(ownerEmail),
        ownerName == null ? null : ownerName.strip());
  }

  private static String trim(String value) {
    return value == null ? null : value.strip();
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPlan() {
    return plan;
  }

  public void setPlan(String plan) {
    this.plan = plan;
  }

  public String getOwnerEmail() {
    return ownerEmail;
  }

  public void setOwnerEmail(String ownerEmail) {
    this.ownerEmail = ownerEmail;
  }

  public String getOwnerName() {
    return ownerName;
  }

  public void setOwnerName(String ownerName) {
    this.ownerName = ownerName;
  }
}
