/** The audit log under {@code /api/v1/audit}. */
package io.encaptio.interfaces.audit.rest;
