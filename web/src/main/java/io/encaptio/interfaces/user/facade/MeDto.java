package io.encaptio.interfaces.user.facade;

import java.util.List;

/**
 * The caller of the API: who they are, the tenant the request runs for and their role in it (owner,
 * admin, editor, analyst or member; a role holds in one organization only).
 */
public record MeDto(
    String username,
    String name,
    String email,
    String role,
    TenantDto tenant,
    List<String> organizations) {

  public record TenantDto(String slug, String name, String status) {}
}
