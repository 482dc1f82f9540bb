/** The notification centre, preferences, hooks and delivery log under {@code /api/v1}. */
package io.encaptio.interfaces.notification.rest;
