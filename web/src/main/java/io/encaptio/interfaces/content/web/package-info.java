/** The editor's Content tab: items, uploads, web pages and indexing. */
package io.encaptio.interfaces.content.web;
