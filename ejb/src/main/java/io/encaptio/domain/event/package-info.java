/** Events for integrations, written in the transaction of the change that raised them. */
package io.encaptio.domain.event;
