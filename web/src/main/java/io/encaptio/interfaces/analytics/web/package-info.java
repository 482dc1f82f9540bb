/** The Analytics page of the portal. */
package io.encaptio.interfaces.analytics.web;
