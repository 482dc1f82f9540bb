/**
 * What every screen shares: the messages a page shows about the last action, a refusal or a
 * download in place of the page.
 */
package io.encaptio.interfaces.web;
