package io.encaptio.tenancy.application;

/** An organization as the identity provider knows it; its alias is the tenant's slug. */
public record Organization(String id, String alias, String name, boolean enabled) {}
