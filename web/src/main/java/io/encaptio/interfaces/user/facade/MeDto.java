package io.encaptio.interfaces.user.facade;

import java.util.List;

/** The caller of the API: who they are, their roles and the tenant the request runs for. */
public record MeDto(
    String username,
    String name,
    String email,
    List<String> roles,
    TenantDto tenant,
    List<String> organizations) {

  public record TenantDto(String slug, String name, String status) {}
}
