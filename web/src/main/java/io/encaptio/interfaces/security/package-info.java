/**
 * Who is calling and for which tenant: the verified token's claims turned into a caller identity,
 * and the filter that holds the tenant for the request.
 */
package io.encaptio.interfaces.security;
