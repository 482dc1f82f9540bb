/** The Audit page of the portal's Admin area, and the operators' platform log. */
package io.encaptio.interfaces.audit.web;
