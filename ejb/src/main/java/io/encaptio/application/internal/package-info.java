/** Stateless and singleton EJBs implementing the application services. */
package io.encaptio.application.internal;
