/** What every screen shares: the messages a page shows about the last action. */
package io.encaptio.interfaces.web;
