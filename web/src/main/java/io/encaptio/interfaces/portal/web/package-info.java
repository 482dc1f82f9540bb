/** Backing beans of the portal's screens: one view-scoped bean per page, plus the session. */
package io.encaptio.interfaces.portal.web;
