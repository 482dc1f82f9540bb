/** The People page of the portal's Admin area: members, invitations and teams. */
package io.encaptio.interfaces.user.web;
