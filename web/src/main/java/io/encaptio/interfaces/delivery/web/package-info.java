/** The share page ({@code /c/{slug}}) and the editor's Publish tab. */
package io.encaptio.interfaces.delivery.web;
