/**
 * Who may call which service: permissions declared per service method, the actor of each call, and
 * the audit marks. Enforced by {@code internal.AuthorizationInterceptor} on every EJB.
 */
package io.encaptio.application.access;
