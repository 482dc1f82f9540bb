/** Leads: the contact details visitors leave in a capsule's conversations, one per e-mail. */
package io.encaptio.domain.lead;
