/** The audit log's filters and CSV, shared by its API and its page. */
package io.encaptio.interfaces.audit.facade;
