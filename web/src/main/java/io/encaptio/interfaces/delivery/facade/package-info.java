/** Share links, widget snippets and QR codes, for the API and the portal alike. */
package io.encaptio.interfaces.delivery.facade;
