/** A capsule's content over the API: items, files, web pages, chunks and how they are indexed. */
package io.encaptio.interfaces.content.rest;
