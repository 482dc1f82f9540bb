/**
 * How capsules reach visitors: the visitors' API ({@code /api/public/v1}), embedding settings and
 * share links for editors.
 */
package io.encaptio.interfaces.delivery.rest;
