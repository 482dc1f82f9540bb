/** The portal's notification centre, its bell in the header and the notification settings. */
package io.encaptio.interfaces.notification.web;
