/**
 * What the REST resources of every context share: the editor check, required bodies, brand images
 * as responses.
 */
package io.encaptio.interfaces.rest;
