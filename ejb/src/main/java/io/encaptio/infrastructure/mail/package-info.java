/** Outgoing mail through Jakarta Mail. */
package io.encaptio.infrastructure.mail;
