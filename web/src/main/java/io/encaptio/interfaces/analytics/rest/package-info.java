/** The analytics API: what visitors did, per day, from the roll-ups. */
package io.encaptio.interfaces.analytics.rest;
