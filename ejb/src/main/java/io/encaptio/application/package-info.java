/** Use cases of Encaptio as local EJB interfaces; implementations live in {@code internal}. */
package io.encaptio.application;
