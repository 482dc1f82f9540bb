/** The organization's append-only audit log. */
package io.encaptio.domain.audit;
