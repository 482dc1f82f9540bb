/**
 * The tenant of the work in progress. Set by the request filter or the job runner, cleared in
 * {@code finally}, and read by everything that touches tenant data; absent means fail closed.
 */
package io.encaptio.tenancy.context;
